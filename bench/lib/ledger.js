// Ledger verification at scale: a database whose ledger holds `count` entries with a correct hash
// chain (and a signed checkpoint every CHECKPOINT_EVERY entries, as Steward makes them), seeded
// directly with apps/api/dist's own entryHash, then LedgerService.verify() timed over all of it.
import Database from 'libsql';
import pg from 'pg';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 } from 'uuid';
import { checkpointStatement, entryHash } from '@steward/api/dist/ledger/ledger-hash.js';
import { CHECKPOINT_EVERY, LedgerService } from '@steward/api/dist/ledger/ledger.service.js';
import { urlForDatabase } from './seed-postgres.js';
import { benchConfig, migrationsHash, openSteward } from './steward.js';

const SEED_FORMAT = 1;
const BATCH = 1000;
const KINDS = ['USE', 'PROVISION', 'DECISION'];
const PURPOSES = ['JOURNAL_DELIVERY', 'EVENT_NEWS'];
const START = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * The content of a synthetic ledger entry as LedgerService.append writes it: a provision to a
 * courier under an OUTSOURCING exception, or a decision on consent.
 */
export function syntheticEntry({
  sequence,
  recordedAt,
  kind,
  provide,
  providerId,
  purposeKey,
  recipientId,
  exceptionId,
}) {
  return {
    sequence,
    id: v7(),
    recordedAt,
    kind,
    actor: kind === 'PROVISION' ? 'partner:bench' : 'admin:bench',
    providerId,
    purposeKey,
    recipientId: provide ? recipientId : null,
    categories: provide ? ['NAME', 'POSTAL_ADDRESS'] : ['NAME'],
    outcome: 'ALLOWED',
    basis: provide ? { exceptionId, exceptionKind: 'OUTSOURCING' } : { kind: 'CONSENT', action: 'USE' },
    policyVersion: 1,
    subjectRef: null,
    payloadHash: 'ab'.repeat(32),
  };
}

/** Entries after `head` (sequence, hash), in batches: content, prev hash and hash, exactly as LedgerService.append writes them. */
function* entryBatches(head, count) {
  let prev = head.hash;
  let sequence = head.sequence;
  const recipientId = v7();
  const exceptionId = v7();
  while (sequence < head.sequence + count) {
    const rows = [];
    const n = Math.min(BATCH, head.sequence + count - sequence);
    for (let k = 0; k < n; k++) {
      sequence += 1;
      const kind = KINDS[sequence % 3];
      const provide = kind === 'PROVISION' || (kind === 'DECISION' && sequence % 2 === 0);
      const content = syntheticEntry({
        sequence,
        recordedAt: new Date(START + sequence * 1000),
        kind,
        provide,
        providerId: v7(),
        purposeKey: PURPOSES[sequence % 2],
        recipientId,
        exceptionId,
      });
      const hash = entryHash(prev, content);
      rows.push({ content, prevHash: prev, hash });
      prev = hash;
    }
    yield rows;
  }
}

export const LEDGER_COLUMNS =
  'sequence, id, recorded_at, kind, actor, provider_id, purpose_key, recipient_id, categories, outcome, basis, policy_version, subject_ref, payload_hash, prev_hash, hash';
const COLUMNS = LEDGER_COLUMNS;

/** The SQLite values of LEDGER_COLUMNS for an entry's content (as syntheticEntry makes it). */
export function ledgerRowValues(c, prevHash, hash) {
  return [
    c.sequence,
    c.id,
    c.recordedAt.getTime(),
    c.kind,
    c.actor,
    c.providerId,
    c.purposeKey,
    c.recipientId,
    JSON.stringify(c.categories),
    c.outcome,
    JSON.stringify(c.basis),
    c.policyVersion,
    c.subjectRef,
    c.payloadHash,
    prevHash,
    hash,
  ];
}

async function seedSqlite(file, count, cipher, head, progress) {
  const db = new Database(file);
  db.exec('pragma synchronous = off; pragma cache_size = -262144;');
  const statement = (n) =>
    db.prepare(
      `insert into ledger_entry (${COLUMNS}) values ${Array(n)
        .fill(`(${Array(16).fill('?').join(', ')})`)
        .join(', ')}`,
    );
  const full = statement(BATCH);
  const checkpoint = db.prepare(
    'insert into ledger_checkpoint (sequence, hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?)',
  );
  const insert = db.transaction((rows) => {
    (rows.length === BATCH ? full : statement(rows.length)).run(
      rows.flatMap(({ content, prevHash, hash }) => ledgerRowValues(content, prevHash, hash)),
    );
    for (const { content: c, hash } of rows) {
      if (c.sequence % CHECKPOINT_EVERY === 0) {
        checkpoint.run([
          c.sequence,
          hash,
          Date.now(),
          cipher.keyId,
          cipher.signCheckpoint(checkpointStatement(c.sequence, hash)),
        ]);
      }
    }
  });
  let last = head;
  let reported = performance.now();
  for (const rows of entryBatches(head, count)) {
    insert(rows);
    const end = rows[rows.length - 1];
    last = { sequence: end.content.sequence, hash: end.hash };
    if (performance.now() - reported > 5000) {
      reported = performance.now();
      progress(`ledger (sqlite): ${last.sequence.toLocaleString('en')} entries`);
    }
  }
  db.prepare('update ledger_head set sequence = ?, hash = ? where id = 1').run([last.sequence, last.hash]);
  db.exec('pragma wal_checkpoint(TRUNCATE)');
  db.close();
}

async function seedPostgres(url, count, cipher, head, progress) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  let last = head;
  let reported = performance.now();
  try {
    for (const rows of entryBatches(head, count)) {
      const col = (f) => rows.map(f);
      await client.query('begin');
      await client.query(
        `insert into ledger_entry (${COLUMNS})
         select * from unnest($1::int[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::uuid[],
           $9::jsonb[], $10::text[], $11::jsonb[], $12::int[], $13::text[], $14::text[], $15::text[], $16::text[])`,
        [
          col((r) => r.content.sequence),
          col((r) => r.content.id),
          col((r) => r.content.recordedAt.toISOString()),
          col((r) => r.content.kind),
          col((r) => r.content.actor),
          col((r) => r.content.providerId),
          col((r) => r.content.purposeKey),
          col((r) => r.content.recipientId),
          col((r) => JSON.stringify(r.content.categories)),
          col((r) => r.content.outcome),
          col((r) => JSON.stringify(r.content.basis)),
          col((r) => r.content.policyVersion),
          col((r) => r.content.subjectRef),
          col((r) => r.content.payloadHash),
          col((r) => r.prevHash),
          col((r) => r.hash),
        ],
      );
      for (const { content: c, hash } of rows) {
        if (c.sequence % CHECKPOINT_EVERY === 0) {
          await client.query(
            'insert into ledger_checkpoint (sequence, hash, signed_at, key_id, signature) values ($1, $2, now(), $3, $4)',
            [c.sequence, hash, cipher.keyId, cipher.signCheckpoint(checkpointStatement(c.sequence, hash))],
          );
        }
      }
      await client.query('commit');
      const end = rows[rows.length - 1];
      last = { sequence: end.content.sequence, hash: end.hash };
      if (performance.now() - reported > 5000) {
        reported = performance.now();
        progress(`ledger (postgresql): ${last.sequence.toLocaleString('en')} entries`);
      }
    }
    await client.query('update ledger_head set sequence = $1, hash = $2 where id = 1', [last.sequence, last.hash]);
    await client.query('vacuum analyze ledger_entry');
  } finally {
    await client.end();
  }
}

async function headOf(orm) {
  const [head] = await orm.em.fork().getConnection().execute('select sequence, hash from ledger_head where id = 1');
  return { sequence: Number(head.sequence), hash: head.hash };
}

/**
 * Ensures a database (kept like the provider seeds: SQLite in the cache dir, PostgreSQL as
 * `steward_bench_ledger_…`) whose ledger holds `count` entries, then times a full verification.
 */
export async function timeLedgerVerification({ kind, count, cacheDir, baseUrl, progress }) {
  let target;
  let databaseUrl = null;
  let seededSeconds = null;
  if (kind === 'sqlite') {
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `sqlite-ledger-${count}-f${SEED_FORMAT}-m${migrationsHash('sqlite')}.sqlite`);
    if (!existsSync(file)) {
      const started = performance.now();
      const partial = `${file}.partial`;
      for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
      const { orm, deps } = await openSteward(
        { kind: 'sqlite', url: partial },
        benchConfig({ databaseUrl: null, dataDir: cacheDir }),
      );
      const head = await headOf(orm);
      await orm.close(true);
      await seedSqlite(partial, count, deps.cipher, head, progress);
      for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
      renameSync(partial, file);
      seededSeconds = (performance.now() - started) / 1000;
    }
    target = { kind: 'sqlite', url: file };
  } else {
    const name = `steward_bench_ledger${count}_f${SEED_FORMAT}_m${migrationsHash('postgresql')}`;
    databaseUrl = urlForDatabase(baseUrl, name);
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount > 0;
      if (!exists) {
        const started = performance.now();
        const partial = `${name}_partial`;
        await admin.query(`drop database if exists "${partial}"`);
        await admin.query(`create database "${partial}"`);
        const partialUrl = urlForDatabase(baseUrl, partial);
        const { orm, deps } = await openSteward(
          { kind: 'postgresql', url: partialUrl },
          benchConfig({ databaseUrl: partialUrl, dataDir: '/nonexistent-bench-data' }),
        );
        const head = await headOf(orm);
        await orm.close(true);
        await seedPostgres(partialUrl, count, deps.cipher, head, progress);
        await admin.query(`alter database "${partial}" rename to "${name}"`);
        seededSeconds = (performance.now() - started) / 1000;
      }
    } finally {
      await admin.end();
    }
    target = { kind: 'postgresql', url: databaseUrl };
  }

  // Verification only reads: it runs on the seed itself.
  const { orm, deps } = await openSteward(target, benchConfig({ databaseUrl, dataDir: cacheDir }));
  try {
    progress(`ledger (${kind}): verifying`);
    const started = performance.now();
    const result = await new LedgerService(orm.em.fork(), deps).verify();
    const seconds = (performance.now() - started) / 1000;
    return { ...result, seconds, seededSeconds };
  } finally {
    await orm.close(true);
  }
}
