// The admin screens' statements: the ORM (entities through em.find / em.count / nativeUpdate, a
// fresh fork per call as a request has) against the lean statement, in one process, alternating.
// The redesign's rule: screens use the ORM unless a number says otherwise (bench/README.md,
// "Screens: ORM or lean SQL").
//
//   node bench/screens.js [--db sqlite|postgresql] [--providers 1000000] [--ledger 200000] [--pairs 7] [--ms 400]
//        [--only REGEX]
//
// SQLite: a copy (.cache/screens.sqlite) of the cached provider seed (run.js and profile.js make the
// same one); PostgreSQL (DATABASE_URL): a working copy steward_bench_screens of the provider seed
// database. Both are removed at the end. It adds `--ledger` synthetic ledger entries (the explorer's
// pages), then per statement runs --pairs pairs of lean and ORM rounds of --ms each, the order
// swapped every pair (A/B, B/A, …), and prints each variant's median process CPU and wall µs per call
// and the median of the pairs' ORM/lean ratios. Both variants' answers are compared first.
import 'reflect-metadata';
import pg from 'pg';
import { copyFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { v7 } from 'uuid';
import { leanRows, leanRun } from '@steward/api/dist/common/sql/lean-sql.js';
import { dialectOf } from '@steward/api/dist/common/sql/dialect.js';
import { AdminSession } from '@steward/api/dist/auth/admin-session.entity.js';
import { AdminUser } from '@steward/api/dist/auth/admin-user.entity.js';
import { ConsentEvent } from '@steward/api/dist/consent/consent-event.entity.js';
import { ConsentStateRow } from '@steward/api/dist/consent/consent-state.entity.js';
import { LedgerEntry } from '@steward/api/dist/ledger/ledger-entry.entity.js';
import { Organisation } from '@steward/api/dist/organisation/organisation.entity.js';
import { PolicyVersion } from '@steward/api/dist/policy/policy-version.entity.js';
import { PersonalDataItem } from '@steward/api/dist/providers/personal-data-item.entity.js';
import { Provider } from '@steward/api/dist/providers/provider.entity.js';
import { Recipient } from '@steward/api/dist/recipients/recipient.entity.js';
import { LEDGER_COLUMNS, ledgerRowValues, syntheticEntry } from './lib/ledger.js';
import { FILTER_PURPOSE, PARTNER_PURPOSE, seededPurposes } from './lib/rows.js';
import { ensureSqliteSeed } from './lib/seed-sqlite.js';
import { preparePostgres, urlForDatabase } from './lib/seed-postgres.js';
import { benchConfig, openSteward } from './lib/steward.js';

const { values } = parseArgs({
  options: {
    providers: { type: 'string', default: '1000000' },
    ledger: { type: 'string', default: '200000' },
    pairs: { type: 'string', default: '7' },
    ms: { type: 'string', default: '400' },
    only: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
  },
});
/** The PostgreSQL working copy (made from the provider seed, dropped at the end). */
const PG_WORK = 'steward_bench_screens';
const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url));
const progress = (m) => console.error(`· ${m}`);
const PAGE = 26; // 25 rows + 1, as the list asks for

const postgres = values.db === 'postgresql';
const work = `${CACHE_DIR}screens.sqlite`;
let target;
if (postgres) {
  if (!process.env.DATABASE_URL) throw new Error('--db postgresql needs DATABASE_URL');
  const { url } = await preparePostgres({
    baseUrl: process.env.DATABASE_URL,
    count: Number(values.providers),
    progress,
    runDb: PG_WORK,
  });
  target = { kind: 'postgresql', url };
} else {
  const seed = await ensureSqliteSeed({ cacheDir: CACHE_DIR, count: Number(values.providers), progress });
  for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
  copyFileSync(seed.file, work);
  target = { kind: 'sqlite', url: work };
}

const { orm } = await openSteward(
  target,
  benchConfig({ databaseUrl: postgres ? target.url : null, dataDir: CACHE_DIR }),
);
const root = orm.em;
await seedLedger(Number(values.ledger));
const { purpose } = await seededPurposes(orm);
const conn = root.fork().getConnection();
const idAt = async (fraction) =>
  (
    await conn.execute(
      `select id from provider order by id desc limit 1 offset ${Math.floor(Number(values.providers) * fraction)}`,
    )
  )[0].id;
const mid = await idAt(0.5);
const deep = await idAt(0.99);
const someProviders = (await conn.execute(`select id from provider where id < ? order by id desc limit 25`, [mid])).map(
  (r) => r.id,
);
const [someEvent] = await conn.execute('select id from consent_event where provider_id = ? limit 1', [mid]);
const ledgerProvider = (await conn.execute('select provider_id from ledger_entry where sequence = 1000'))[0]
  ?.provider_id;

// A session to renew, and recipients to name.
const setup = root.fork();
const owner = await setup.findOneOrFail(AdminUser, { role: 'OWNER' });
const tokenHash = 'f'.repeat(64);
setup.create(AdminSession, { tokenHash, user: owner, expiresAt: new Date(Date.now() + 3_600_000) });
const recipients = Array.from({ length: 20 }, (_, i) =>
  setup.create(Recipient, { name: `Recipient ${i}`, kind: 'CONTRACTOR' }),
);
await setup.flush();
const recipientIds = recipients.slice(0, 5).map((r) => r.id);

const fork = () => root.fork();
const ids = (list) => list.map((x) => String(x.id ?? x.provider?.id ?? x.provider_id)).join(',');

/** The ORM form of the cited consent events: the cited events, then their providers' events for their purposes, kept by pair. */
const citedEventsOrm = async () => {
  const em = fork();
  const cited = await em.find(ConsentEvent, { id: { $in: [someEvent.id] } });
  if (!cited.length) return [];
  const pairOf = (e) => `${e.provider.id}|${e.purpose.id}`;
  const citedPairs = new Set(cited.map(pairOf));
  const events = await em.find(
    ConsentEvent,
    {
      provider: { $in: [...new Set(cited.map((e) => e.provider.id))] },
      purpose: { $in: [...new Set(cited.map((e) => e.purpose.id))] },
    },
    { populate: ['purpose'] },
  );
  return events.filter((e) => citedPairs.has(pairOf(e)));
};

const sortedIds = (r) =>
  r
    .map((x) => x.id)
    .sort()
    .join(',');
/** A lean form of the cited consent events against the ORM form. */
const citedCase = (name, sql) => ({
  name,
  lean: () => leanRows(root, { sql, params: { ids: [someEvent.id] } }),
  orm: citedEventsOrm,
  same: sortedIds,
});

/** Each case: the lean statement (as the queries files had it) and the ORM form, and what must agree. */
const CASES = [
  {
    name: 'providers: first page',
    lean: () =>
      leanRows(root, {
        sql: 'select p.id, p.kind, p.reference, p.version, p.created_at, p.updated_at from provider p order by p.id desc limit :rows',
        params: { rows: PAGE },
      }),
    orm: () => fork().find(Provider, {}, { orderBy: { id: 'desc' }, limit: PAGE }),
    same: ids,
  },
  {
    name: 'providers: page 99 % deep',
    lean: () =>
      leanRows(root, {
        sql: 'select p.id, p.kind, p.reference, p.version, p.created_at, p.updated_at from provider p where p.id < :afterId order by p.id desc limit :rows',
        params: { afterId: deep, rows: PAGE },
      }),
    orm: () => fork().find(Provider, { id: { $lt: deep } }, { orderBy: { id: 'desc' }, limit: PAGE }),
    same: ids,
  },
  {
    name: 'providers: EVENT_NEWS GRANTED, 50 % deep',
    lean: () =>
      leanRows(root, {
        sql: 'select p.id, p.kind, p.reference, p.version, p.created_at, p.updated_at from consent_state cs join provider p on p.id = cs.provider_id where cs.purpose_id = :purposeId and cs.state = :consentState and cs.provider_id < :afterId and p.id < :afterId order by cs.provider_id desc limit :rows',
        params: { purposeId: purpose.id, consentState: 'GRANTED', afterId: mid, rows: PAGE },
      }),
    orm: () =>
      fork().find(
        ConsentStateRow,
        { purpose: purpose.id, state: 'GRANTED', provider: { $lt: mid } },
        { orderBy: { provider: 'desc' }, limit: PAGE, populate: ['provider'] },
      ),
    same: ids,
  },
  {
    name: 'providers: reference prefix search',
    lean: () =>
      leanRows(root, {
        sql: 'select p.id, p.kind, p.reference, p.version, p.created_at, p.updated_at from provider p where ((p.reference >= :search and p.reference < :searchEnd) or (p.reference >= :searchUpper and p.reference < :searchUpperEnd)) order by p.id desc limit :rows',
        params: {
          search: 'bench-0050',
          searchEnd: 'bench-0050\uffff',
          searchUpper: 'BENCH-0050',
          searchUpperEnd: 'BENCH-0050\uffff',
          rows: PAGE,
        },
      }),
    orm: () =>
      fork().find(
        Provider,
        {
          $or: [
            { reference: { $gte: 'bench-0050', $lt: 'bench-0050\uffff' } },
            { reference: { $gte: 'BENCH-0050', $lt: 'BENCH-0050\uffff' } },
          ],
        },
        { orderBy: { id: 'desc' }, limit: PAGE },
      ),
    same: ids,
  },
  {
    name: 'providers: NAME items of a page',
    lean: () =>
      leanRows(root, {
        sql: "select i.id, i.provider_id, i.category, i.value_sealed from personal_data_item i where i.provider_id in (:providerIds) and i.category = 'NAME' order by i.collected_at desc, i.id desc",
        params: { providerIds: someProviders },
      }),
    orm: () =>
      fork().find(
        PersonalDataItem,
        { provider: { $in: someProviders }, category: 'NAME' },
        { orderBy: { collectedAt: 'desc', id: 'desc' }, fields: ['id', 'provider', 'category', 'valueSealed'] },
      ),
    same: ids,
  },
  {
    name: 'policy: version in force',
    lean: () =>
      leanRows(root, {
        sql: "select number, content_hash from policy_version where status = 'PUBLISHED' order by number desc limit 1",
      }),
    orm: async () => {
      const v = await fork().findOne(
        PolicyVersion,
        { status: 'PUBLISHED' },
        { orderBy: { number: 'desc' }, fields: ['number', 'contentHash'] },
      );
      return [v];
    },
    same: (r) => String(r[0]?.number),
  },
  {
    name: 'policy: change log',
    lean: () =>
      leanRows(root, {
        sql: "select number, published_at, change_summary from policy_version where status = 'PUBLISHED' order by number desc",
      }),
    orm: () =>
      fork().find(
        PolicyVersion,
        { status: 'PUBLISHED' },
        { orderBy: { number: 'desc' }, fields: ['number', 'publishedAt', 'changeSummary'] },
      ),
    same: (r) => r.map((v) => String(v.number)).join(','),
  },
  {
    name: 'ledger explorer: first page',
    lean: () =>
      leanRows(root, {
        sql: 'select sequence, id, recorded_at, kind, actor, provider_id, purpose_key, recipient_id, categories, outcome, basis, policy_version, hash from ledger_entry order by sequence desc limit :rows',
        params: { rows: PAGE },
      }),
    orm: () => fork().find(LedgerEntry, {}, { orderBy: { sequence: 'desc' }, limit: PAGE, fields: LEDGER_FIELDS }),
    same: (r) => r.map((e) => String(e.sequence)).join(','),
  },
  {
    name: 'ledger explorer: one provider',
    lean: () =>
      leanRows(root, {
        sql: 'select sequence, id, recorded_at, kind, actor, provider_id, purpose_key, recipient_id, categories, outcome, basis, policy_version, hash from ledger_entry where provider_id = :providerId order by sequence desc limit :rows',
        params: { providerId: ledgerProvider, rows: PAGE },
      }),
    orm: () =>
      fork().find(
        LedgerEntry,
        { providerId: ledgerProvider },
        { orderBy: { sequence: 'desc' }, limit: PAGE, fields: LEDGER_FIELDS },
      ),
    same: (r) => r.map((e) => String(e.sequence)).join(','),
  },
  {
    name: 'auth: session renewal',
    lean: () => {
      const d = dialectOf(root);
      const now = new Date();
      return leanRun(root, {
        sql: 'update admin_session set last_seen_at = :now, expires_at = :expiresAt where token_hash = :tokenHash',
        params: { now: d.toDbDate(now), expiresAt: d.toDbDate(new Date(now.getTime() + 3_600_000)), tokenHash },
      });
    },
    orm: async () => {
      const now = new Date();
      await fork().nativeUpdate(
        AdminSession,
        { tokenHash },
        { lastSeenAt: now, expiresAt: new Date(now.getTime() + 3_600_000) },
      );
    },
    same: () => 'done',
  },
  {
    name: 'organisation: contact',
    lean: () =>
      leanRows(root, {
        sql: 'select name, secretariat_name, email, telephone from organisation order by created_at asc limit 1',
      }),
    orm: () =>
      fork().find(
        Organisation,
        {},
        { orderBy: { createdAt: 'asc' }, limit: 1, fields: ['name', 'secretariatName', 'email', 'telephone'] },
      ),
    same: (r) => r[0]?.name,
  },
  {
    name: 'requests: response period',
    lean: () =>
      leanRows(root, {
        sql: 'select response_period_days, response_period_unit, time_zone, observe_japanese_holidays, recurring_closed_days, request_holidays from organisation order by created_at asc limit 1',
      }),
    orm: () =>
      fork().find(
        Organisation,
        {},
        {
          orderBy: { createdAt: 'asc' },
          limit: 1,
          fields: [
            'responsePeriodDays',
            'responsePeriodUnit',
            'timeZone',
            'observeJapaneseHolidays',
            'recurringClosedDays',
            'requestHolidays',
          ],
        },
      ),
    same: (r) => String(r[0]?.response_period_days ?? r[0]?.responsePeriodDays),
  },
  {
    name: 'recipients: names of 5',
    lean: () =>
      leanRows(root, { sql: 'select id, name from recipient where id in (:ids)', params: { ids: recipientIds } }),
    orm: () => fork().find(Recipient, { id: { $in: recipientIds } }, { fields: ['name'] }),
    same: sortedIds,
  },
  {
    name: 'exceptions: existing provider ids (25)',
    lean: () => leanRows(root, { sql: 'select id from provider where id in (:ids)', params: { ids: someProviders } }),
    orm: () => fork().find(Provider, { id: { $in: someProviders } }, { fields: ['id'] }),
    same: sortedIds,
  },
  citedCase(
    'exceptions: cited consent events, correlated exists (before)',
    'select ce.id, ce.provider_id, ce.purpose_id, p.key as purpose_key, ce.sequence, ce.action from consent_event ce join purpose p on p.id = ce.purpose_id where exists (select 1 from consent_event cited where cited.id in (:ids) and cited.provider_id = ce.provider_id and cited.purpose_id = ce.purpose_id)',
  ),
  citedCase(
    'exceptions: cited consent events, join (exception.queries.ts)',
    'select distinct ce.id, ce.provider_id, ce.purpose_id, p.key as purpose_key, ce.sequence, ce.action from consent_event cited join consent_event ce on ce.provider_id = cited.provider_id and ce.purpose_id = cited.purpose_id join purpose p on p.id = ce.purpose_id where cited.id in (:ids)',
  ),
  {
    name: 'disclosure: items of a provider',
    lean: () =>
      leanRows(root, {
        sql: 'select id, category, value_sealed, source, channel, collected_at, collection_id, publicly_available, public_provenance from personal_data_item where provider_id = :providerId order by collected_at desc, id desc',
        params: { providerId: mid },
      }),
    orm: () =>
      fork().find(
        PersonalDataItem,
        { provider: mid },
        {
          orderBy: { collectedAt: 'desc', id: 'desc' },
          fields: [
            'category',
            'valueSealed',
            'source',
            'channel',
            'collectedAt',
            'collection',
            'publiclyAvailable',
            'publicProvenance',
          ],
        },
      ),
    same: (r) => r.map((x) => x.id).join(','),
  },
  {
    name: 'disclosure: consent events of a provider',
    lean: () =>
      leanRows(root, {
        sql: 'select ce.id, pu.key as purpose_key, ce.action, ce.method, ce.policy_version, ce.occurred_at, ce.sequence, ce.receipt_id, ce.note from consent_event ce join purpose pu on pu.id = ce.purpose_id where ce.provider_id = :providerId order by ce.sequence',
        params: { providerId: mid },
      }),
    orm: () =>
      fork().find(
        ConsentEvent,
        { provider: mid },
        {
          orderBy: { sequence: 'asc' },
          populate: ['purpose'],
          fields: ['purpose.key', 'action', 'method', 'policyVersion', 'occurredAt', 'sequence', 'receiptId', 'note'],
        },
      ),
    same: (r) => r.map((x) => x.id).join(','),
  },
];
const LEDGER_FIELDS = [
  'sequence',
  'id',
  'recordedAt',
  'kind',
  'actor',
  'providerId',
  'purposeKey',
  'recipientId',
  'categories',
  'outcome',
  'basis',
  'policyVersion',
  'hash',
];

/** Calls `fn` back to back for `ms`; returns wall and process CPU µs per call. */
async function round(fn, ms) {
  let n = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  let now = started;
  while (now - started < ms) {
    await fn();
    n++;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: ((now - started) * 1000) / n, cpu: (cpu.user + cpu.system) / n };
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const only = values.only ? new RegExp(values.only) : null;
const pairs = Number(values.pairs);
const ms = Number(values.ms);
console.log(
  `${postgres ? 'PostgreSQL' : 'SQLite'}, ${Number(values.providers).toLocaleString('en')} providers, ${Number(values.ledger).toLocaleString('en')} ledger entries; ${pairs} pairs of ${ms} ms rounds, order alternating`,
);
console.log(
  '| statement | lean µs CPU (wall) | ORM µs CPU (wall) | ORM/lean CPU, median of pairs | each pair (CPU) | wall ratio |',
);
console.log('|---|---:|---:|---:|---|---:|');
const results = [];
for (const c of CASES) {
  if (only && !only.test(c.name)) continue;
  const a = c.same(await c.lean());
  const b = c.same(await c.orm());
  if (a !== b) throw new Error(`${c.name}: lean and ORM answer differently (${a} / ${b})`);
  await round(c.lean, 100);
  await round(c.orm, 100);
  const lean = [];
  const viaOrm = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      lean.push(await round(c.lean, ms));
      viaOrm.push(await round(c.orm, ms));
    } else {
      viaOrm.push(await round(c.orm, ms));
      lean.push(await round(c.lean, ms));
    }
  }
  const cpuRatios = lean.map((l, i) => viaOrm[i].cpu / l.cpu);
  const wallRatio = median(lean.map((l, i) => viaOrm[i].wall / l.wall));
  const us = (rs, k) => median(rs.map((r) => r[k])).toFixed(0);
  results.push({ name: c.name, ratio: median(cpuRatios) });
  console.log(
    `| ${c.name} | ${us(lean, 'cpu')} (${us(lean, 'wall')}) | ${us(viaOrm, 'cpu')} (${us(viaOrm, 'wall')}) | **${median(cpuRatios).toFixed(2)}×** | ${cpuRatios.map((r) => r.toFixed(2)).join(' ')} | ${wallRatio.toFixed(2)}× |`,
  );
}
await orm.close(true);
if (postgres) {
  const admin = new pg.Client({ connectionString: urlForDatabase(process.env.DATABASE_URL, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists "${PG_WORK}"`);
  await admin.end();
} else {
  for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
}

/** `total` ledger entries (their content as LedgerService writes it; the hash chain is not needed to read them). */
async function seedLedger(total) {
  if (!total) return;
  const connection = root.fork().getConnection();
  const BATCH = 500;
  const insertSql = (n) =>
    `insert into ledger_entry (${LEDGER_COLUMNS}) values ${Array(n)
      .fill(`(${Array(16).fill('?').join(', ')})`)
      .join(', ')}`;
  const [{ head }] = await connection.execute('select coalesce(max(sequence), 0) as head from ledger_entry');
  const recipientId = v7();
  const exceptionId = v7();
  const providers = Array.from({ length: 2000 }, () => v7());
  const KINDS = ['USE', 'PROVISION', 'DECISION'];
  const start = Date.parse('2026-06-01T00:00:00.000Z');
  for (let s = 1; s <= total; s += BATCH) {
    const n = Math.min(BATCH, total - s + 1);
    const rows = [];
    for (let k = 0; k < n; k++) {
      const sequence = Number(head) + s + k;
      const kind = KINDS[sequence % 3];
      const provide = kind === 'PROVISION' || (kind === 'DECISION' && sequence % 2 === 0);
      const c = syntheticEntry({
        sequence,
        recordedAt: new Date(start + sequence * 60_000),
        kind,
        provide,
        providerId: providers[sequence % providers.length],
        purposeKey: sequence % 2 ? FILTER_PURPOSE : PARTNER_PURPOSE,
        recipientId,
        exceptionId,
      });
      const values = ledgerRowValues(c, '0'.repeat(64), '0'.repeat(64));
      if (postgres) values[2] = c.recordedAt;
      rows.push(...values);
    }
    await connection.execute(insertSql(n), rows);
  }
  progress(`${total.toLocaleString('en')} ledger entries added`);
}
