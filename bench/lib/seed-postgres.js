import pg from 'pg';
import { providerBatches, seededPurposes } from './rows.js';
import { benchConfig, migrationsHash, openSteward } from './steward.js';

/** 2: + JOURNAL_DELIVERY granted (consent event + state) for every provider. */
const SEED_FORMAT = 2;
const BATCH = 5000;
/** The only databases this bench creates or drops: all named steward_bench_*. */
export const RUN_DB = 'steward_bench_run';

export function urlForDatabase(baseUrl, name) {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin(baseUrl, fn) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const exists = async (client, name) =>
  (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount > 0;

/**
 * Ensures a pristine database `steward_bench_p<count>_…` with `count` providers (seeded once, kept
 * as a template), then makes a fresh working copy `steward_bench_run` from it for this run.
 * Returns the working copy's URL. `runDb` names another working copy (steward_bench_* only).
 */
export async function preparePostgres({ baseUrl, count, progress, runDb = RUN_DB }) {
  const seedDb = `steward_bench_p${count}_f${SEED_FORMAT}_m${migrationsHash('postgresql')}`;
  const partialDb = `${seedDb}_partial`;
  let seededSeconds = null;
  // Seeds of the same size made for older migrations (ours by name) are never used again.
  await withAdmin(baseUrl, async (c) => {
    const { rows } = await c.query('select datname from pg_database where datname like $1 and datname <> $2', [
      `steward_bench_p${count}\\_%`,
      seedDb,
    ]);
    for (const { datname } of rows) {
      if (datname.startsWith(`steward_bench_p${count}_`)) await c.query(`drop database "${datname}"`);
    }
  });
  if (!(await withAdmin(baseUrl, (c) => exists(c, seedDb)))) {
    const started = performance.now();
    await withAdmin(baseUrl, async (c) => {
      await c.query(`drop database if exists "${partialDb}"`);
      await c.query(`create database "${partialDb}"`);
    });
    const partialUrl = urlForDatabase(baseUrl, partialDb);
    const config = benchConfig({ databaseUrl: partialUrl, dataDir: '/nonexistent-bench-data' });
    const { orm, deps } = await openSteward({ kind: 'postgresql', url: partialUrl }, config);
    const { purpose, journal } = await seededPurposes(orm);
    await orm.close(true);

    const client = new pg.Client({ connectionString: partialUrl });
    await client.connect();
    await client.query('set synchronous_commit = off');
    let lastReport = performance.now();
    for (const b of providerBatches(count, BATCH, deps.cipher)) {
      await client.query('begin');
      await client.query(
        `insert into provider (id, created_at, updated_at, kind, reference, version)
         select id, to_timestamp(at / 1000.0), to_timestamp(at / 1000.0), kind, reference, 1
         from unnest($1::uuid[], $2::float8[], $3::text[], $4::text[]) as t(id, at, kind, reference)`,
        [
          b.providers.map((p) => p.id),
          b.providers.map((p) => p.at),
          b.providers.map((p) => p.kind),
          b.providers.map((p) => p.reference),
        ],
      );
      await client.query(
        `insert into personal_data_item (id, created_at, updated_at, provider_id, category, value_sealed, source_sealed, channel,
           collected_at, collection_id, publicly_available, public_provenance, version)
         select id, to_timestamp(at / 1000.0), to_timestamp(at / 1000.0), provider_id, 'NAME', sealed, null, 'PAPER_FORM',
           to_timestamp(at / 1000.0), null, false, null, 1
         from unnest($1::uuid[], $2::float8[], $3::uuid[], $4::text[]) as t(id, at, provider_id, sealed)`,
        [
          b.items.map((i) => i.id),
          b.items.map((i) => i.at),
          b.items.map((i) => i.providerId),
          b.items.map((i) => i.sealed),
        ],
      );
      await client.query(
        `insert into consent_state (provider_id, purpose_id, state, since, event_id)
         select provider_id, $1::uuid, state, to_timestamp(at / 1000.0), event_id
         from unnest($2::uuid[], $3::text[], $4::float8[], $5::uuid[]) as t(provider_id, state, at, event_id)`,
        [
          purpose.id,
          b.consents.map((c) => c.providerId),
          b.consents.map((c) => c.state),
          b.consents.map((c) => c.at),
          b.consents.map((c) => c.eventId),
        ],
      );
      await client.query(
        `insert into consent_event (id, provider_id, sequence, purpose_id, action, method, policy_version, occurred_at, recorded_by_id,
           recorded_by_name, collection_id, receipt_id, note_sealed)
         select event_id, provider_id, 1, $1::uuid, 'GRANT', 'SIGNED_FORM', 1, to_timestamp(at / 1000.0), null, 'bench', null, null, null
         from unnest($2::uuid[], $3::float8[], $4::uuid[]) as t(provider_id, at, event_id)`,
        [journal.id, b.grants.map((g) => g.providerId), b.grants.map((g) => g.at), b.grants.map((g) => g.eventId)],
      );
      await client.query(
        `insert into consent_state (provider_id, purpose_id, state, since, event_id)
         select provider_id, $1::uuid, 'GRANTED', to_timestamp(at / 1000.0), event_id
         from unnest($2::uuid[], $3::float8[], $4::uuid[]) as t(provider_id, at, event_id)`,
        [journal.id, b.grants.map((g) => g.providerId), b.grants.map((g) => g.at), b.grants.map((g) => g.eventId)],
      );
      await client.query('commit');
      if (performance.now() - lastReport > 5000 || b.done === count) {
        lastReport = performance.now();
        progress(
          `postgresql: seeded ${b.done.toLocaleString('en')} / ${count.toLocaleString('en')} providers (${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    }
    // What autovacuum would have done by the time a real table reached this size.
    await client.query('vacuum analyze');
    await client.end();
    await withAdmin(baseUrl, (c) => c.query(`alter database "${partialDb}" rename to "${seedDb}"`));
    seededSeconds = (performance.now() - started) / 1000;
    progress(`postgresql: seeded ${count.toLocaleString('en')} providers in ${seededSeconds.toFixed(1)} s`);
  }
  const copyStarted = performance.now();
  await withAdmin(baseUrl, async (c) => {
    if (!runDb.startsWith('steward_bench_')) throw new Error(`not a bench database: ${runDb}`);
    await c.query(`drop database if exists "${runDb}"`);
    await c.query(`create database "${runDb}" template "${seedDb}" strategy = file_copy`);
  });
  progress(
    `postgresql: working copy ${runDb} made from ${seedDb} in ${((performance.now() - copyStarted) / 1000).toFixed(1)} s`,
  );
  return { url: urlForDatabase(baseUrl, runDb), seedDb, seededSeconds };
}
