import Database from 'libsql';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { providerBatches, seededPurposes } from './rows.js';
import { benchConfig, migrationsHash, openSteward } from './steward.js';

/** 2: + JOURNAL_DELIVERY granted (consent event + state) for every provider. */
const SEED_FORMAT = 2;
const BATCH = 5000;

function multiRowInsert(db, table, columns, rowSql, rows) {
  const sql = `insert into ${table} (${columns}) values ${Array(rows).fill(rowSql).join(', ')}`;
  return db.prepare(sql);
}

/**
 * Returns the path of a pristine SQLite database holding `count` providers, seeding it once into
 * the cache (keyed by the count and the migrations) with batched multi-row INSERTs.
 */
export async function ensureSqliteSeed({ cacheDir, count, progress }) {
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `sqlite-providers-${count}-f${SEED_FORMAT}-m${migrationsHash('sqlite')}.sqlite`);
  // A seed of the same size made for older migrations is never used again (they are ~1 GB at 1M).
  for (const f of readdirSync(cacheDir)) {
    if (f.startsWith(`sqlite-providers-${count}-`) && join(cacheDir, f) !== file)
      rmSync(join(cacheDir, f), { force: true });
  }
  if (existsSync(file)) return { file, seededSeconds: null };
  const started = performance.now();
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });

  // Schema, reference data and the owner through Steward itself.
  const config = benchConfig({ databaseUrl: null, dataDir: cacheDir });
  const { orm, deps } = await openSteward({ kind: 'sqlite', url: partial }, config);
  const { purpose, journal } = await seededPurposes(orm);
  await orm.close(true);

  const db = new Database(partial);
  db.exec('pragma synchronous = off; pragma cache_size = -262144; pragma foreign_keys = off;');
  const statements = (n) => ({
    journalEvent: multiRowInsert(
      db,
      'consent_event',
      'id, provider_id, sequence, purpose_id, action, method, policy_version, occurred_at, recorded_by_id, recorded_by_name, collection_id, receipt_id, note_sealed',
      "(?, ?, 1, ?, 'GRANT', 'SIGNED_FORM', 1, ?, null, 'bench', null, null, null)",
      n,
    ),
    journalState: multiRowInsert(
      db,
      'consent_state',
      'provider_id, purpose_id, state, since, event_id',
      "(?, ?, 'GRANTED', ?, ?)",
      n,
    ),
  });
  const fullJournal = statements(BATCH);
  const full = {
    provider: multiRowInsert(
      db,
      'provider',
      'id, created_at, updated_at, kind, reference, version',
      '(?, ?, ?, ?, ?, 1)',
      BATCH,
    ),
    item: multiRowInsert(
      db,
      'personal_data_item',
      'id, created_at, updated_at, provider_id, category, value_sealed, source_sealed, channel, collected_at, collection_id, publicly_available, public_provenance, version',
      "(?, ?, ?, ?, 'NAME', ?, null, 'PAPER_FORM', ?, null, 0, null, 1)",
      BATCH,
    ),
    consent: multiRowInsert(
      db,
      'consent_state',
      'provider_id, purpose_id, state, since, event_id',
      '(?, ?, ?, ?, ?)',
      BATCH,
    ),
  };
  const insert = db.transaction((batch) => {
    const n = batch.providers.length;
    const st =
      n === BATCH
        ? full
        : {
            provider: multiRowInsert(
              db,
              'provider',
              'id, created_at, updated_at, kind, reference, version',
              '(?, ?, ?, ?, ?, 1)',
              n,
            ),
            item: multiRowInsert(
              db,
              'personal_data_item',
              'id, created_at, updated_at, provider_id, category, value_sealed, source_sealed, channel, collected_at, collection_id, publicly_available, public_provenance, version',
              "(?, ?, ?, ?, 'NAME', ?, null, 'PAPER_FORM', ?, null, 0, null, 1)",
              n,
            ),
            consent: multiRowInsert(
              db,
              'consent_state',
              'provider_id, purpose_id, state, since, event_id',
              '(?, ?, ?, ?, ?)',
              n,
            ),
          };
    st.provider.run(batch.providers.flatMap((p) => [p.id, p.at, p.at, p.kind, p.reference]));
    st.item.run(batch.items.flatMap((i) => [i.id, i.at, i.at, i.providerId, i.sealed, i.at]));
    st.consent.run(batch.consents.flatMap((c) => [c.providerId, purpose.id, c.state, c.at, c.eventId]));
    const sj = n === BATCH ? fullJournal : statements(n);
    sj.journalEvent.run(batch.grants.flatMap((g) => [g.eventId, g.providerId, journal.id, g.at]));
    sj.journalState.run(batch.grants.flatMap((g) => [g.providerId, journal.id, g.at, g.eventId]));
  });
  let lastReport = performance.now();
  for (const batch of providerBatches(count, BATCH, deps.cipher)) {
    insert(batch);
    if (performance.now() - lastReport > 5000 || batch.done === count) {
      lastReport = performance.now();
      progress(
        `sqlite: seeded ${batch.done.toLocaleString('en')} / ${count.toLocaleString('en')} providers (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  }
  db.exec('pragma wal_checkpoint(TRUNCATE)');
  db.close();
  for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  renameSync(partial, file);
  return { file, seededSeconds: (performance.now() - started) / 1000 };
}
