// Steward benchmarks. One run measures a bare Apollo + type-graphql baseline and Steward's hot
// paths on SQLite (and PostgreSQL when DATABASE_URL is set), each for a fixed time at a fixed
// concurrency, and reports req/s, p50, p99 and the ratio to the baseline measured in this run.
//
// The machine is shared and noisy, so every case's time is split into rounds and the rounds are
// interleaved across the cases of a phase (baseline included): a slow minute hurts every case alike
// instead of whichever case happened to run in it. Reads (with the trivial-query baseline) and
// writes (with the no-op-mutation baseline) are separate phases, so write debris never lands on a
// read case. Speed never fails the run; an error response does (a
// broken bench must not report numbers).
import 'reflect-metadata';
import { constants, copyFileSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startBareHttp, startBaseline } from './lib/baseline.js';
import { loadCase, summarize } from './lib/load.js';
import { timeLedgerVerification } from './lib/ledger.js';
import { timePolicyImpact } from './lib/policy-impact.js';
import { reportDisclosure } from './disclosure.js';
import { DECISION_QUERY, PARTNER_PROVIDER_QUERY, PARTNER_PROVIDERS_QUERY, setUpCourier } from './lib/courier.js';
import { FILTER_PURPOSE, PARTNER_PURPOSE, randomProviders } from './lib/rows.js';
import { ensureSqliteSeed } from './lib/seed-sqlite.js';
import { preparePostgres } from './lib/seed-postgres.js';
import { benchConfig, gql, login, openSteward, serverErrors, startStewardServer } from './lib/steward.js';
import { decodeSortCursor, encodeSortCursor } from '@steward/api/dist/common/sorting.js';

function numEnv(name, fallback, min, integer = true) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min) {
    throw new Error(`${name} must be a ${integer ? 'whole ' : ''}number ≥ ${min}, got "${raw}"`);
  }
  return n;
}

const SECONDS = numEnv('BENCH_SECONDS', 5, 0.5, false);
const WARMUP = numEnv('BENCH_WARMUP_SECONDS', 1, 0, false);
const ROUNDS = numEnv('BENCH_ROUNDS', Math.max(1, Math.round(SECONDS)), 1);
const CONCURRENCY = numEnv('BENCH_CONCURRENCY', 10, 1);
const PROVIDERS = numEnv('BENCH_PROVIDERS', 1_000_000, 1000);
const LEDGER_ENTRIES = numEnv('BENCH_LEDGER_ENTRIES', 1_000_000, 0);
const DATABASE_URL = process.env.DATABASE_URL?.trim() || null;
const DATABASES = (process.env.BENCH_DATABASES ?? (DATABASE_URL ? 'sqlite,postgresql' : 'sqlite'))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
/** Only the cases whose name matches (a regular expression); the baselines always run. */
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url));
/** Not counted: lets connections open and the previous case's garbage settle. */
const SEGMENT_SETTLE_SECONDS = 0.1;
const PAGE = 25;
/** Providers the decision and partner-lookup cases draw from, at random per request. */
const PICK_SAMPLE = 5000;

const progress = (msg) => console.error(`· ${msg}`);

const PROVIDERS_QUERY = `query Providers($first: Int, $after: String, $filter: ProviderFilter) {
  providers(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id kind reference displayName createdAt updatedAt version } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const RECORD_COLLECTION = `mutation RecordCollection($input: RecordCollectionInput!) {
  recordCollection(input: $input) {
    provider { id reference displayName version }
    collection { id collectedAt categories }
    receipt { receiptId hash }
  }
}`;

/** A new provider each request (the server generates its reference), 2 purposes, 3 items. */
const COLLECTION_INPUT = {
  newProvider: { kind: 'RELATED_PERSONNEL' },
  channel: 'PAPER_FORM',
  consentMethod: 'SIGNED_FORM',
  policyVersionShown: 1,
  source: 'Benchmark membership form',
  purposes: [
    { purposeKey: 'JOURNAL_DELIVERY', granted: true },
    { purposeKey: 'EVENT_NEWS', granted: true },
  ],
  items: [
    { category: 'NAME', value: 'Bench Person' },
    { category: 'POSTAL_ADDRESS', value: '1-5-9 Kudan-kita, Chiyoda-ku, Tokyo' },
    { category: 'EMAIL', value: 'bench.person@example.jp' },
  ],
};

async function partnerGql(url, key, query, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const json = await res.json();
  if (res.status !== 200 || json.errors?.length || !json.data)
    throw new Error(`partner request failed (HTTP ${res.status}): ${JSON.stringify(json).slice(0, 500)}`);
  return json.data;
}

// The list's default order (newest first): its cursors carry the sort, the key (the id) and the id.
const cursorOf = (id) => encodeSortCursor('CREATED_DESC', id, id);

/** One request checked in full before a case is timed: a wrong answer must never be benchmarked. */
async function checkPage(url, cookie, variables) {
  const { data } = await gql(url, PROVIDERS_QUERY, variables, cookie);
  const { edges, pageInfo } = data.providers;
  if (edges.length !== variables.first) {
    throw new Error(`expected ${variables.first} providers, got ${edges.length} (${JSON.stringify(variables)})`);
  }
  if (!edges.every((e) => typeof e.node.displayName === 'string' && e.node.displayName.length > 0)) {
    throw new Error('a provider came back without its decrypted display name');
  }
  if (!pageInfo.hasNextPage) throw new Error('expected a next page');
  if (variables.after) {
    const afterId = decodeSortCursor(variables.after, 'CREATED_DESC').id;
    if (!(edges[0].node.id < afterId) || !pageInfo.hasPreviousPage)
      throw new Error('deep page does not continue after its cursor');
  }
}

/** Starts Steward on one database, signs in, finds the deep cursors and checks every case once. */
async function stewardCases(label, target, databaseUrl) {
  const config = benchConfig({ databaseUrl, dataDir: CACHE_DIR });
  const { orm, deps } = await openSteward(target, config);
  const server = await startStewardServer(orm, deps);
  const close = async () => {
    await server.close();
    await orm.close(true);
  };
  try {
    const cookie = await login(server.url);
    const conn = orm.em.fork().getConnection();
    const [{ n }] = await conn.execute('select count(*) as n from provider');
    const total = Number(n);
    const [purpose] = await conn.execute('select id from purpose where key = ?', [FILTER_PURPOSE]);
    const [{ g }] = await conn.execute(
      "select count(*) as g from consent_state where purpose_id = ? and state = 'GRANTED'",
      [purpose.id],
    );
    const granted = Number(g);
    progress(
      `${label}: ${total.toLocaleString('en')} providers, ${granted.toLocaleString('en')} with ${FILTER_PURPOSE} granted`,
    );
    // Cursors found once with OFFSET (setup only; the API itself never uses OFFSET), never so
    // deep that fewer than two pages remain, so every timed page is a full one.
    const offsetAt = (fraction, rows) => Math.max(0, Math.min(Math.floor(rows * fraction), rows - 2 * PAGE));
    const idAt = async (fraction) =>
      (await conn.execute('select id from provider order by id desc limit 1 offset ?', [offsetAt(fraction, total)]))[0]
        .id;
    const grantedAt = async (fraction) =>
      (
        await conn.execute(
          "select provider_id as id from consent_state where purpose_id = ? and state = 'GRANTED' order by provider_id desc limit 1 offset ?",
          [purpose.id, offsetAt(fraction, granted)],
        )
      )[0].id;
    const filter = { purposeKey: FILTER_PURPOSE, consentState: 'GRANTED' };
    const pages = [
      { name: `providers(first: ${PAGE})`, variables: { first: PAGE }, list: 'all', deep: false },
      {
        name: `providers(first: ${PAGE}, after: 50%)`,
        variables: { first: PAGE, after: cursorOf(await idAt(0.5)) },
        list: 'all',
        deep: true,
      },
      {
        name: `providers(first: ${PAGE}, after: 99%)`,
        variables: { first: PAGE, after: cursorOf(await idAt(0.99)) },
        list: 'all',
        deep: true,
      },
      {
        name: `providers(first: ${PAGE}, ${FILTER_PURPOSE} GRANTED)`,
        variables: { first: PAGE, filter },
        list: 'filtered',
        deep: false,
      },
      {
        name: `providers(first: ${PAGE}, ${FILTER_PURPOSE} GRANTED, after: 99%)`,
        variables: { first: PAGE, filter, after: cursorOf(await grantedAt(0.99)) },
        list: 'filtered',
        deep: true,
      },
    ];

    const { data } = await gql(server.url, RECORD_COLLECTION, { input: COLLECTION_INPUT }, cookie);
    if (!data.recordCollection.provider.id || data.recordCollection.provider.displayName !== 'Bench Person') {
      throw new Error(`recordCollection answered unexpectedly: ${JSON.stringify(data)}`);
    }
    // Only the cases that run are checked (BENCH_ONLY): a case left out is neither timed nor trusted.
    for (const p of pages) if (!ONLY || ONLY.test(p.name)) await checkPage(server.url, cookie, p.variables);

    const courier = await setUpCourier(server.url, cookie);
    const decisionInput = {
      action: 'PROVIDE',
      providerId: await idAt(0.5),
      purposeKey: PARTNER_PURPOSE,
      categories: ['NAME', 'POSTAL_ADDRESS'],
      recipientId: courier.recipientId,
    };
    const decided = (await partnerGql(server.url, courier.systemKey, DECISION_QUERY, { input: decisionInput }))
      .decision;
    if (!decided.allowed || decided.basis?.kind !== 'EXCEPTION' || decided.basis.exceptionId !== courier.exceptionId) {
      throw new Error(`decision answered unexpectedly: ${JSON.stringify(decided)}`);
    }
    const partnerVariables = { first: PAGE };
    const partnerPage = (await partnerGql(server.url, courier.key, PARTNER_PROVIDERS_QUERY, partnerVariables))
      .partnerProviders;
    if (
      partnerPage.edges.length !== PAGE ||
      !partnerPage.pageInfo.hasNextPage ||
      !partnerPage.edges.every(
        (e) =>
          e.node.items.some((i) => i.category === 'NAME' && i.value.length > 0) &&
          e.node.items.every((i) => i.category !== 'EMAIL'),
      )
    ) {
      throw new Error(`partnerProviders answered unexpectedly: ${JSON.stringify(partnerPage).slice(0, 500)}`);
    }
    const partnerOneVariables = { id: decisionInput.providerId };
    const one = (await partnerGql(server.url, courier.key, PARTNER_PROVIDER_QUERY, partnerOneVariables))
      .partnerProvider;
    if (
      one.id !== decisionInput.providerId ||
      !one.items.some((i) => i.category === 'NAME' && i.value.length > 0) ||
      one.items.some((i) => i.category === 'EMAIL')
    ) {
      throw new Error(`partnerProvider answered unexpectedly: ${JSON.stringify(one).slice(0, 500)}`);
    }
    // Each request of these two cases names a provider drawn from a random sample of the table, as
    // real traffic would: one provider over and over would keep its rows and index pages hot.
    const sample = await randomProviders(conn, target.kind, PICK_SAMPLE);
    if (EXPLAIN) await explain(label, conn, target.kind, purpose.id);

    const common = { url: server.url, headers: { cookie }, db: label, providers: total };
    const cases = [
      {
        ...common,
        name: `${label}: recordCollection (new provider, 2 purposes, 3 items)`,
        kind: 'mutation',
        body: JSON.stringify({ query: RECORD_COLLECTION, variables: { input: COLLECTION_INPUT } }),
      },
      ...pages.map((p) => ({
        ...common,
        name: `${label}: ${p.name}`,
        kind: 'query',
        list: p.list,
        deep: p.deep,
        body: JSON.stringify({ query: PROVIDERS_QUERY, variables: p.variables }),
      })),
      {
        ...common,
        headers: { authorization: `Bearer ${courier.systemKey}` },
        name: `${label}: decision(PROVIDE, exception, 2 categories)`,
        kind: 'query',
        body: JSON.stringify({
          query: DECISION_QUERY,
          variables: { input: { ...decisionInput, providerId: '__PICK__' } },
        }),
        pick: sample,
      },
      {
        ...common,
        headers: { authorization: `Bearer ${courier.key}` },
        name: `${label}: partnerProviders(first: ${PAGE}) with a partner key`,
        kind: 'query',
        body: JSON.stringify({ query: PARTNER_PROVIDERS_QUERY, variables: partnerVariables }),
      },
      {
        ...common,
        headers: { authorization: `Bearer ${courier.key}` },
        name: `${label}: partnerProvider(id) with a partner key`,
        kind: 'query',
        body: JSON.stringify({ query: PARTNER_PROVIDER_QUERY, variables: { id: '__PICK__' } }),
        pick: sample,
      },
    ];
    return { label, cases, close };
  } catch (err) {
    await close();
    throw err;
  }
}

async function explain(label, conn, kind, purposeId) {
  const cursor = '01ffffff-0000-7000-8000-000000000000';
  const sqls = [
    [
      'list after a cursor',
      'select p.id, p.kind, p.reference, p.version, p.created_at, p.updated_at from provider p where p.id < ? order by p.id desc limit ?',
      [cursor, PAGE + 1],
    ],
    [
      'filtered list after a cursor',
      'select p.id, p.kind, p.reference, p.version, p.created_at, p.updated_at from consent_state cs join provider p on p.id = cs.provider_id where cs.purpose_id = ? and cs.state = ? and cs.provider_id < ? order by cs.provider_id desc limit ?',
      [purposeId, 'GRANTED', cursor, PAGE + 1],
    ],
  ];
  for (const [what, sql, params] of sqls) {
    const plan = await conn.execute(kind === 'sqlite' ? `explain query plan ${sql}` : `explain ${sql}`, params);
    console.error(`${label}, ${what}:\n    ${plan.map((r) => r.detail ?? r['QUERY PLAN']).join('\n    ')}`);
  }
}

/** Warm-up per case, then ROUNDS interleaved rounds (rotating the order) of SECONDS/ROUNDS each. */
async function measureAll(cases) {
  const load = (c, seconds, warmupSeconds) => loadCase(c, { seconds, warmupSeconds, concurrency: CONCURRENCY });
  const segments = new Map(cases.map((c) => [c, []]));
  const warmupErrors = new Map(cases.map((c) => [c, { errors: 0, errorSamples: [] }]));
  if (WARMUP > 0) {
    for (const c of cases) {
      progress(`warm-up ${WARMUP} s: ${c.name}`);
      const w = await load(c, WARMUP, 0);
      warmupErrors.set(c, { errors: w.errors, errorSamples: w.errorSamples });
    }
  }
  const segmentSeconds = SECONDS / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    progress(
      `round ${round + 1}/${ROUNDS}: ${cases.length} cases × ${segmentSeconds.toFixed(2)} s at concurrency ${CONCURRENCY}`,
    );
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length];
      segments.get(c).push(await load(c, segmentSeconds, SEGMENT_SETTLE_SECONDS));
    }
  }
  return cases.map((c) => {
    const s = summarize(segments.get(c));
    const w = warmupErrors.get(c);
    return {
      ...c,
      ...s,
      errors: s.errors + w.errors,
      errorSamples: [...w.errorSamples, ...s.errorSamples].slice(0, 5),
    };
  });
}

/** Linux PSI: microseconds some task waited for a CPU (null where unavailable). */
function cpuStallMicros() {
  try {
    return Number(/^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))[1]);
  } catch {
    return null;
  }
}

function fmt(n, digits) {
  return Number.isFinite(n) ? n.toFixed(digits) : '—';
}

function report(results, databases) {
  const noop = results.find((r) => r.baseline && r.kind === 'mutation');
  const trivial = results.find((r) => r.baseline && r.kind === 'query');
  const header = ['name', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'errors'];
  const lines = results.map((r) => {
    const base = r.kind === 'mutation' ? noop : trivial;
    return [
      r.name,
      fmt(r.rps, 0),
      fmt(r.p50, 2),
      fmt(r.p99, 2),
      `${fmt(r.rps / base.rps, 3)} ${r.kind === 'mutation' ? 'M' : 'Q'}`,
      String(r.errors),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log('');
  console.log(
    `Steward bench — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} cores — ` +
      `${SECONDS} s per case in ${ROUNDS} interleaved rounds after ${WARMUP} s warm-up, concurrency ${CONCURRENCY}`,
  );
  for (const d of databases) console.log(`${d.label}: ${d.providers.toLocaleString('en')} providers`);
  console.log('ratio: M = req/s over the baseline no-op mutation, Q = over the baseline trivial query (same run)');
  console.log('');
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`);
  for (const l of lines) console.log(line(l));
  console.log('');
  for (const d of databases) {
    for (const list of ['all', 'filtered']) {
      const mine = results.filter((r) => r.db === d.label && r.list === list);
      const first = mine.find((r) => !r.deep);
      const deep = mine.filter((r) => r.deep);
      if (!first || !deep.length) continue;
      const deepest = Math.min(...deep.map((r) => r.rps));
      const x = deepest / first.rps;
      console.log(
        `${d.label}${list === 'filtered' ? ` (filtered by ${FILTER_PURPOSE} GRANTED)` : ''}: list flat: deep/first = ${fmt(x, 2)} — ${x >= 0.8 ? 'flat' : 'NOT flat'}`,
      );
    }
  }
}

async function main() {
  // Every database is prepared first, so seeding never overlaps a measurement.
  const targets = [];
  for (const db of DATABASES) {
    if (db === 'sqlite') {
      const seed = await ensureSqliteSeed({ cacheDir: CACHE_DIR, count: PROVIDERS, progress });
      progress(
        seed.seededSeconds === null
          ? `sqlite: reusing ${seed.file}`
          : `sqlite: seeded ${PROVIDERS.toLocaleString('en')} providers in ${seed.seededSeconds.toFixed(1)} s`,
      );
      // The run writes (new providers, audit entries): it works on a copy and the seed stays pristine.
      const work = `${CACHE_DIR}run.sqlite`;
      for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
      const t = performance.now();
      copyFileSync(seed.file, work, constants.COPYFILE_FICLONE);
      progress(`sqlite: working copy made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      targets.push({ label: 'SQLite', target: { kind: 'sqlite', url: work }, databaseUrl: null });
    } else if (db === 'postgresql') {
      if (!DATABASE_URL) throw new Error('BENCH_DATABASES names postgresql but DATABASE_URL is not set');
      const pg = await preparePostgres({ baseUrl: DATABASE_URL, count: PROVIDERS, progress });
      targets.push({ label: 'PostgreSQL', target: { kind: 'postgresql', url: pg.url }, databaseUrl: pg.url });
    } else {
      throw new Error(`unknown database in BENCH_DATABASES: ${db}`);
    }
  }

  const closers = [];
  try {
    const baseline = await startBaseline();
    closers.push(() => baseline.close());
    const { data } = await gql(baseline.url, 'mutation { noop }');
    if (data.noop !== true) throw new Error('baseline noop did not answer true');
    const bare = await startBareHttp();
    closers.push(() => bare.close());
    const cases = [
      {
        name: 'reference: bare node:http (load-generator ceiling)',
        url: bare.url,
        kind: 'query',
        reference: true,
        body: JSON.stringify({ query: '{ hello }' }),
      },
      {
        name: 'baseline A: noop mutation',
        url: baseline.url,
        kind: 'mutation',
        baseline: true,
        body: JSON.stringify({ query: 'mutation Noop { noop }' }),
      },
      {
        name: 'baseline A: trivial query',
        url: baseline.url,
        kind: 'query',
        baseline: true,
        body: JSON.stringify({ query: 'query Hello { hello }' }),
      },
    ];
    const databases = [];
    for (const t of targets) {
      const s = await stewardCases(t.label, t.target, t.databaseUrl);
      closers.push(s.close);
      cases.push(...s.cases);
      databases.push({
        label: t.label,
        providers: s.cases[0].providers,
        url: s.cases[0].url,
        cookie: s.cases[0].headers.cookie,
      });
    }

    const stall0 = cpuStallMicros();
    const t0 = performance.now();
    const chosen = cases.filter((c) => c.baseline || !ONLY || ONLY.test(c.name));
    // Reads and writes are measured in separate phases: a write segment leaves work behind (GC,
    // WAL checkpoints, vacuum) that would otherwise land on whichever read case followed it.
    const measured = new Map();
    for (const phase of ['query', 'mutation']) {
      const inPhase = chosen.filter((c) => c.kind === phase);
      progress(`${phase === 'query' ? 'read' : 'write'} phase: ${inPhase.length} cases`);
      for (const r of await measureAll(inPhase)) measured.set(r.name, r);
    }
    const results = chosen.map((c) => measured.get(c.name));
    const stall1 = cpuStallMicros();
    report(results, databases);
    if (stall0 !== null && stall1 !== null) {
      // This run itself keeps both cores busy (server thread, load thread, database), so some
      // stall is expected; far above the usual means other work on the machine skewed the numbers.
      const pct = ((stall1 - stall0) / 1000 / (performance.now() - t0)) * 100;
      console.log(
        `CPU pressure during the measurements (PSI "some"): ${pct.toFixed(0)} % of the time a task waited for a CPU`,
      );
    }

    if (LEDGER_ENTRIES > 0) {
      // After the throughput phases, so the seeding never overlaps a measurement.
      console.log('');
      for (const t of targets) {
        const v = await timeLedgerVerification({
          kind: t.target.kind,
          count: LEDGER_ENTRIES,
          cacheDir: CACHE_DIR,
          baseUrl: DATABASE_URL,
          progress,
        });
        console.log(
          `${t.label}: ledger verification of ${v.checkedEntries.toLocaleString('en')} entries (${v.checkpoints} signed checkpoints): ` +
            `${v.seconds.toFixed(1)} s (${Math.round(v.checkedEntries / v.seconds).toLocaleString('en')} entries/s) — ok: ${v.ok}` +
            (v.seededSeconds === null ? '' : `; seeded in ${v.seededSeconds.toFixed(1)} s`),
        );
        if (!v.ok) {
          console.error(`BENCH FAILED: the seeded ledger did not verify: ${JSON.stringify(v.firstFailure)}`);
          process.exitCode = 1;
        }
      }
    }

    if (!ONLY || ONLY.test('policy impact')) {
      // One-shot timings over every seeded provider (no throughput: an admin asks this rarely).
      console.log('');
      for (const d of databases) {
        const p = await timePolicyImpact({ url: d.url, cookie: d.cookie });
        console.log(
          `${d.label}: policy impact over ${p.providers.toLocaleString('en')} providers (1 purpose widened, 1 added): ${fmt(p.impactSeconds, 2)} s; ` +
            `lacking providers, first page ${fmt(p.firstPageSeconds * 1000, 0)} ms, next page ${fmt(p.secondPageSeconds * 1000, 0)} ms`,
        );
      }
    }

    if (Number(process.env.BENCH_DISCLOSURE_ENTRIES ?? 10_000) > 0) {
      // The disclosure package (issue 4) on a database of its own, after everything else.
      console.log('');
      if (!(await reportDisclosure({ databases: targets.map((t) => t.target.kind), progress }))) process.exitCode = 1;
    }

    const totalErrors = results.reduce((n, r) => n + r.errors, 0);
    for (const r of results.filter((r) => r.errors > 0 || r.requests === 0)) {
      console.error(
        `\n!!! ${r.name}: ${r.errors} error responses, ${r.requests} successful; first errors:\n    ${r.errorSamples.join('\n    ')}`,
      );
    }
    if (totalErrors > 0 || serverErrors.length > 0 || results.some((r) => r.requests === 0)) {
      console.error(
        `\nBENCH FAILED: ${totalErrors} error responses, ${serverErrors.length} errors logged by the server. These numbers are not valid.`,
      );
      process.exitCode = 1;
    }
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}

main().catch((err) => {
  console.error('\nBENCH FAILED:', err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
