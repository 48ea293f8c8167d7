// Cookie consent writes (issue 5): `recordCookieConsent` from a page of the site's allowed origin,
// a new visitor and idempotency key per request, on SQLite and (with DATABASE_URL) PostgreSQL,
// against the same-run Apollo + type-graphql no-op mutation. Measured on an empty table, then again
// with BENCH_COOKIE_EVENTS (default 1,000,000) consent events stored: throughput must not fall as
// the table grows. Rate limits off (as STEWARD_RATE_LIMIT_SCALE=0 does).
//
//   npm run build && node bench/cookies.js      (BENCH_SECONDS, BENCH_CONCURRENCY, BENCH_DATABASES)
import 'reflect-metadata';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { startBaseline } from './lib/baseline.js';
import { cookieConsentInput, RECORD_COOKIE_CONSENT } from './lib/cookie-consent.js';
import { loadCase, summarize } from './lib/load.js';
import { urlForDatabase } from './lib/seed-postgres.js';
import {
  benchConfig,
  benchSiteInput,
  gql,
  login,
  openSteward,
  serverErrors,
  startStewardServer,
} from './lib/steward.js';

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
const SECONDS = num('BENCH_SECONDS', 4);
const ROUNDS = num('BENCH_ROUNDS', Math.max(1, Math.round(SECONDS)));
const WARMUP = num('BENCH_WARMUP_SECONDS', 1);
const CONCURRENCY = num('BENCH_CONCURRENCY', 50);
const EVENTS = num('BENCH_COOKIE_EVENTS', 1_000_000);
const DATABASE_URL = process.env.DATABASE_URL?.trim() || null;
const DATABASES = (process.env.BENCH_DATABASES ?? (DATABASE_URL ? 'sqlite,postgresql' : 'sqlite'))
  .split(',')
  .map((s) => s.trim());
const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url));
const ORIGIN = 'https://bench-site.example';
const PG_DB = 'steward_bench_cookies';
const progress = (m) => console.error(`· ${m}`);

const body = (siteKey) =>
  JSON.stringify({
    query: RECORD_COOKIE_CONSENT,
    variables: { input: cookieConsentInput(siteKey, '__UUID__', '__UUID__') },
  });

/** A fresh Steward database with one cookie site, the server started, rate limits off. */
async function startSteward(kind) {
  let target;
  let databaseUrl = null;
  if (kind === 'sqlite') {
    mkdirSync(CACHE_DIR, { recursive: true });
    const file = `${CACHE_DIR}cookies.sqlite`;
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    target = { kind, url: file };
  } else {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${PG_DB} with (force)`);
    await admin.query(`create database ${PG_DB}`);
    await admin.end();
    databaseUrl = urlForDatabase(DATABASE_URL, PG_DB);
    target = { kind, url: databaseUrl };
  }
  const config = { ...benchConfig({ databaseUrl, dataDir: CACHE_DIR }), rateLimitScale: 0 };
  const { orm, deps } = await openSteward(target, config);
  const server = await startStewardServer(orm, deps);
  const cookie = await login(server.url);
  const site = (
    await gql(
      server.url,
      'mutation($input: CookieSiteInput!) { createCookieSite(input: $input) { id siteKey } }',
      { input: benchSiteInput('Bench site', 'bench-site.example', ORIGIN) },
      cookie,
    )
  ).data.createCookieSite;
  // Checked once before timing: a wrong answer is never benchmarked.
  const check = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: body(site.siteKey).replace(/__UUID__/g, () => crypto.randomUUID()),
  }).then((r) => r.json());
  if (!check.data?.recordCookieConsent?.receiptId)
    throw new Error(`recordCookieConsent answered unexpectedly: ${JSON.stringify(check)}`);
  return {
    kind,
    label: kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
    orm,
    site,
    url: server.url,
    async close() {
      await server.close();
      await orm.close(true);
    },
  };
}

/**
 * Stores `n` consent events for the site in one statement,
 * generated inside the database: time-ordered ids in the past, random blind indexes.
 */
async function seedEvents(s, n) {
  const conn = s.orm.em.fork().getConnection();
  const t = performance.now();
  if (s.kind === 'sqlite') {
    const rows = `with recursive seq(n) as (select 1 union all select n + 1 from seq where n < ${n})`;
    const at = Date.parse('2026-01-01T00:00:00Z');
    await conn.execute(
      `${rows} insert into cookie_consent_event (id, site_id, visitor_index, visitor_sealed, action, functional, analytics, marketing, gpc, gpc_applied,
         policy_version, idempotency_key, payload_hash, occurred_at)
       select printf('01800000-%04x-7000-8000-%012x', n >> 24, n), ?, lower(hex(randomblob(32))), 'v1.bench.' || hex(randomblob(52)), 'CHOOSE',
         n % 2, n % 3 = 0, n % 5 = 0, n % 10 = 0, 0, 1, lower(hex(randomblob(16))), lower(hex(randomblob(32))), ? + n * 1000 from seq`,
      [s.site.id, at],
    );
    await conn.execute('analyze');
  } else {
    await conn.execute(
      `insert into cookie_consent_event (id, site_id, visitor_index, visitor_sealed, action, functional, analytics, marketing, gpc, gpc_applied,
         policy_version, idempotency_key, payload_hash, occurred_at)
       select ('01800000-' || lpad(to_hex(n >> 24), 4, '0') || '-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, ?::uuid,
         md5(random()::text) || md5(random()::text), 'v1.bench.' || md5(random()::text) || md5(random()::text) || md5(random()::text), 'CHOOSE',
         n % 2 = 0, n % 3 = 0, n % 5 = 0, n % 10 = 0, false, 1, md5(random()::text), md5(random()::text) || md5(random()::text),
         timestamptz '2026-01-01' + n * interval '1 second'
       from generate_series(1, ${n}) as n`,
      [s.site.id],
    );
    await conn.execute('vacuum analyze cookie_consent_event');
  }
  const [{ c }] = await conn.execute('select count(*) as c from cookie_consent_event');
  progress(
    `${s.label}: ${Number(c).toLocaleString('en')} consent events stored (seeded in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  return Number(c);
}

/** The plans of the write path's lookups: each must use an index, never scan the event table. */
async function explainLookups(s) {
  const conn = s.orm.em.fork().getConnection();
  const sqls = [
    [
      'replay by (visitor, site, idempotency key)',
      'select id, payload_hash from cookie_consent_event where visitor_index = ? and site_id = ? and idempotency_key = ?',
      ['v', s.site.id, 'k'],
    ],
    [
      'current choice by (visitor, site)',
      'select id from cookie_consent_event where visitor_index = ? and site_id = ? order by occurred_at desc, id desc limit 1',
      ['v', s.site.id],
    ],
    ['site by key', 'select id from cookie_site where site_key = ?', [s.site.siteKey]],
    [
      'history by visitor',
      'select id from cookie_consent_event where visitor_index = ? order by occurred_at, id',
      ['v'],
    ],
  ];
  for (const [what, sql, params] of sqls) {
    const plan = await conn.execute(s.kind === 'sqlite' ? `explain query plan ${sql}` : `explain ${sql}`, params);
    const text = plan.map((r) => r.detail ?? r['QUERY PLAN']).join(' / ');
    progress(`${s.label}, ${what}: ${text}`);
    if (/^SCAN cookie_consent|Seq Scan on cookie_consent/m.test(text))
      throw new Error(`${s.label}: ${what} scans the table: ${text}`);
  }
}

/** Warm-up, then ROUNDS interleaved rounds over the cases (rotating order), as run.js does. */
async function measure(cases) {
  const load = (c, seconds, warmupSeconds) => loadCase(c, { seconds, warmupSeconds, concurrency: CONCURRENCY });
  const segments = new Map(cases.map((c) => [c, []]));
  for (const c of cases) if (WARMUP > 0) await load(c, WARMUP, 0);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length];
      segments.get(c).push(await load(c, SECONDS / ROUNDS, 0.1));
    }
  }
  return cases.map((c) => ({ ...c, ...summarize(segments.get(c)) }));
}

async function main() {
  const baseline = await startBaseline();
  const stewards = [];
  try {
    for (const kind of DATABASES) stewards.push(await startSteward(kind));
    const noop = {
      name: 'baseline A: noop mutation',
      url: baseline.url,
      body: JSON.stringify({ query: 'mutation Noop { noop }' }),
    };
    const caseOf = (s, when) => ({
      name: `${s.label}: recordCookieConsent (${when})`,
      url: s.url,
      headers: { origin: ORIGIN },
      body: body(s.site.siteKey),
      unique: true,
      db: s.label,
    });
    const results = [];
    progress(`empty tables: ${stewards.length + 1} cases, ${SECONDS} s each at concurrency ${CONCURRENCY}`);
    results.push(
      ...(await measure([noop, ...stewards.map((s) => caseOf(s, 'empty table'))])).map((r) => ({
        ...r,
        phase: 'empty',
      })),
    );
    const counts = {};
    for (const s of stewards) counts[s.label] = await seedEvents(s, EVENTS);
    for (const s of stewards) await explainLookups(s);
    progress(`${EVENTS.toLocaleString('en')} events: ${stewards.length + 1} cases`);
    results.push(
      ...(await measure([noop, ...stewards.map((s) => caseOf(s, `${EVENTS.toLocaleString('en')} events stored`))])).map(
        (r) => ({ ...r, phase: 'full' }),
      ),
    );

    console.log('');
    console.log(
      `Cookie consent bench — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} cores — ${SECONDS} s per case in ${ROUNDS} rounds, concurrency ${CONCURRENCY}`,
    );
    console.log('');
    console.log('| case | req/s | p50 ms | p99 ms | ratio to noop (same phase) | errors |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const phase of ['empty', 'full']) {
      const base = results.find((r) => r.phase === phase && !r.db);
      for (const r of results.filter((x) => x.phase === phase)) {
        console.log(
          `| ${r.name}${r.db ? '' : ` (${phase === 'empty' ? 'empty phase' : 'full phase'})`} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${(r.rps / base.rps).toFixed(3)} | ${r.errors} |`,
        );
      }
    }
    console.log('');
    for (const s of stewards) {
      const empty = results.find((r) => r.phase === 'empty' && r.db === s.label);
      const full = results.find((r) => r.phase === 'full' && r.db === s.label);
      const ratio = (r) => r.rps / results.find((x) => x.phase === r.phase && !x.db).rps;
      console.log(
        `${s.label}: ${counts[s.label].toLocaleString('en')} events — full/empty throughput ${(full.rps / empty.rps).toFixed(2)}, ratio to noop ${ratio(empty).toFixed(2)} → ${ratio(full).toFixed(2)}, p99 ${empty.p99.toFixed(1)} → ${full.p99.toFixed(1)} ms`,
      );
    }
    const errors = results.reduce((n, r) => n + r.errors, 0);
    if (errors || serverErrors.length) {
      for (const r of results.filter((x) => x.errors)) console.error(`!!! ${r.name}: ${r.errorSamples.join(' | ')}`);
      console.error(`BENCH FAILED: ${errors} error responses, ${serverErrors.length} server errors`);
      process.exitCode = 1;
    }
  } finally {
    for (const s of stewards) await s.close().catch(() => undefined);
    await baseline.close();
  }
}

main().catch((err) => {
  console.error('\nBENCH FAILED:', err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
