// Profiles one hot path under load, to find where its time goes (what bench/README.md's "where the
// time goes" paragraphs come from). Not a benchmark of record: run.js and cookies.js are.
//
//   node bench/profile.js decision|partner|partner-one|cookie|session [--db sqlite|postgresql] [--seconds 8]
//        [--concurrency 10] [--ratio N] [--out FILE.cpuprofile]
//
// It starts Steward in this process on the cached 1M-provider seed (run.js makes it; PostgreSQL
// needs DATABASE_URL), sets up the courier scenario, drives the case from a worker thread and:
// - with --ratio N: alternates N 2-second rounds of the case and of baseline A (trivial query, or
//   the no-op mutation for the cookie write) and prints the req/s ratio — for A/B runs of a change;
// - otherwise: records a CPU profile of the main thread (V8's sampling profiler through
//   node:inspector) over --seconds, prints req/s, p50/p99 and process CPU per request, and the
//   main thread's self time per request by package (µs), and writes the profile for DevTools.
import 'reflect-metadata';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startBaseline } from './lib/baseline.js';
import { DECISION_QUERY, PARTNER_PROVIDER_QUERY, PARTNER_PROVIDERS_QUERY, setUpCourier } from './lib/courier.js';
import { runLoad } from './lib/load.js';
import { PARTNER_PURPOSE, randomProviders } from './lib/rows.js';
import { ensureSqliteSeed } from './lib/seed-sqlite.js';
import { preparePostgres } from './lib/seed-postgres.js';
import { benchConfig, benchSiteInput, gql, login, openSteward, startStewardServer } from './lib/steward.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: 'sqlite' },
    seconds: { type: 'string', default: '8' },
    concurrency: { type: 'string' },
    ratio: { type: 'string' },
    out: { type: 'string' },
    // Experiments: a SQLite pragma set on Steward's connection before the load (e.g. 'wal_autocheckpoint = 0').
    pragma: { type: 'string', multiple: true },
  },
});
const CASES = ['decision', 'partner', 'partner-one', 'cookie', 'session'];
const which = positionals[0];
if (!CASES.includes(which)) throw new Error(`name a case: ${CASES.join(', ')}`);
const concurrency = Number(values.concurrency ?? (which === 'cookie' ? 50 : 10));
const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url));
const progress = (m) => console.error(`· ${m}`);

async function target() {
  if (values.db === 'postgresql') {
    const baseUrl = process.env.DATABASE_URL;
    if (!baseUrl) throw new Error('--db postgresql needs DATABASE_URL');
    const { url } = await preparePostgres({
      baseUrl,
      count: Number(process.env.BENCH_PROVIDERS ?? 1_000_000),
      progress,
    });
    return { target: { kind: 'postgresql', url }, databaseUrl: url };
  }
  const seed = await ensureSqliteSeed({
    cacheDir: CACHE_DIR,
    count: Number(process.env.BENCH_PROVIDERS ?? 1_000_000),
    progress,
  });
  const work = `${CACHE_DIR}profile.sqlite`;
  for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
  copyFileSync(seed.file, work);
  return { target: { kind: 'sqlite', url: work }, databaseUrl: null };
}

const { target: db, databaseUrl } = await target();
const { orm, deps } = await openSteward(db, { ...benchConfig({ databaseUrl, dataDir: CACHE_DIR }), rateLimitScale: 0 });
for (const p of values.pragma ?? []) await orm.em.getConnection().execute(`pragma ${p}`);
const server = await startStewardServer(orm, deps);
const cookie = await login(server.url);
const baseline = await startBaseline();

async function caseRequest() {
  if (which === 'session')
    return { headers: { cookie }, body: JSON.stringify({ query: 'query Session { __typename }' }) };
  if (which === 'cookie') {
    const site = (
      await gql(
        server.url,
        'mutation($input: CookieSiteInput!) { createCookieSite(input: $input) { siteKey } }',
        { input: benchSiteInput('Profile site', 'profile.example', 'https://profile.example') },
        cookie,
      )
    ).data.createCookieSite;
    const choices = [
      ['STRICTLY_NECESSARY', true],
      ['FUNCTIONAL', true],
      ['ANALYTICS', true],
      ['MARKETING', false],
    ].map(([category, accepted]) => ({ category, accepted }));
    return {
      headers: { origin: 'https://profile.example' },
      uniqueBody: true,
      body: JSON.stringify({
        query:
          'mutation Record($input: RecordCookieConsentInput!) { recordCookieConsent(input: $input) { receiptId action choices { category accepted } gpcApplied recordedAt expiresAt } }',
        variables: {
          input: {
            siteKey: site.siteKey,
            visitorId: '__UUID__',
            idempotencyKey: '__UUID__',
            policyVersion: 1,
            gpc: false,
            choices,
          },
        },
      }),
    };
  }
  const courier = await setUpCourier(server.url, cookie);
  if (which === 'partner')
    return {
      headers: { authorization: `Bearer ${courier.key}` },
      body: JSON.stringify({ query: PARTNER_PROVIDERS_QUERY, variables: { first: 25 } }),
    };
  // As run.js: each request names a provider drawn at random from a sample of the table.
  const pick = await randomProviders(orm.em.fork().getConnection(), values.db, 5000);
  if (which === 'partner-one')
    return {
      headers: { authorization: `Bearer ${courier.key}` },
      body: JSON.stringify({ query: PARTNER_PROVIDER_QUERY, variables: { id: '__PICK__' } }),
      pick,
    };
  const input = {
    action: 'PROVIDE',
    providerId: '__PICK__',
    purposeKey: PARTNER_PURPOSE,
    categories: ['NAME', 'POSTAL_ADDRESS'],
    recipientId: courier.recipientId,
  };
  return {
    headers: { authorization: `Bearer ${courier.systemKey}` },
    body: JSON.stringify({ query: DECISION_QUERY, variables: { input } }),
    pick,
  };
}

const request = { url: server.url, ...(await caseRequest()) };
const base = {
  url: baseline.url,
  headers: {},
  body: JSON.stringify({ query: which === 'cookie' ? 'mutation Noop { noop }' : 'query Hello { hello }' }),
};
const load = (c, seconds) => runLoad({ ...c, seconds, warmupSeconds: 0, concurrency });
for (const c of [request, base]) {
  const w = await load(c, 1);
  if (w.errors)
    throw new Error(`${c === base ? 'baseline' : which} answered with errors: ${JSON.stringify(w.errorSamples)}`);
}

if (values.ratio) {
  let caseMs = 0,
    baseMs = 0;
  const caseLatencies = [],
    baseLatencies = [];
  for (let i = 0; i < Number(values.ratio); i++) {
    const r = await load(request, 2);
    const b = await load(base, 2);
    caseMs += r.elapsedMs;
    caseLatencies.push(...r.latencies);
    baseMs += b.elapsedMs;
    baseLatencies.push(...b.latencies);
  }
  const rps = (caseLatencies.length * 1000) / caseMs;
  const baseRps = (baseLatencies.length * 1000) / baseMs;
  const p99 = (l) => Float64Array.from(l).sort()[Math.floor(l.length * 0.99)].toFixed(1);
  console.log(
    `${which} on ${values.db}: ${rps.toFixed(0)} req/s (p99 ${p99(caseLatencies)} ms), baseline ${baseRps.toFixed(0)} req/s (p99 ${p99(baseLatencies)} ms), ratio ${(rps / baseRps).toFixed(3)}`,
  );
} else {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  const cpu0 = process.cpuUsage();
  await session.post('Profiler.start');
  const r = await load(request, Number(values.seconds));
  const { profile } = await session.post('Profiler.stop');
  const cpu = process.cpuUsage(cpu0);
  const n = r.latencies.length;
  const sorted = Float64Array.from(r.latencies).sort();
  console.log(
    `${which} on ${values.db}: ${((n * 1000) / r.elapsedMs).toFixed(0)} req/s, p50 ${sorted[n >> 1].toFixed(1)} ms, p99 ${sorted[Math.floor(n * 0.99)].toFixed(1)} ms,` +
      ` process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms per request (the load worker's included)`,
  );
  console.log('main thread, self time per request by package (µs):');
  for (const [name, us] of selfTimeByPackage(profile).slice(0, 30))
    console.log(`${(us / n).toFixed(1).padStart(8)}  ${name}`);
  const out = values.out ?? `${CACHE_DIR}${which}-${values.db}.cpuprofile`;
  writeFileSync(out, JSON.stringify(profile));
  console.log(`profile written to ${out} (open it in Chrome DevTools → Performance)`);
}
await server.close();
await baseline.close();
await orm.close(true);

/** Self time (µs) per npm package, Steward file or Node internal, largest first. */
function selfTimeByPackage(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byName = new Map();
  profile.samples.forEach((id, i) => {
    const { url, functionName } = nodes.get(id).callFrame;
    const name = url.includes('node_modules/')
      ? url.replace(/.*node_modules\//, '').match(/^(@[^/]+\/[^/]+|[^/]+)/)[1]
      : url.includes('/dist/')
        ? `steward: ${url.replace(/.*\/dist\//, '')}`
        : url.startsWith('node:')
          ? url
          : functionName;
    byName.set(name, (byName.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  return [...byName].sort((a, b) => b[1] - a[1]);
}
