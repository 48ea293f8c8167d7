import { postgresUrl } from './test-app.js';

/**
 * Which databases a suite runs on: the one place a test file asks.
 *
 * Every suite runs on SQLite. A suite runs on PostgreSQL too when what it exercises differs by
 * dialect: lean SQL (`common/sql/lean-sql.ts`, `*-facts.ts`, `*.queries.ts`), JSON aggregation, the
 * dialect's differences (`common/sql/dialect.ts`), locking and concurrency, triggers, migrations, keyset order over uuid
 * columns, group commit. A suite that only exercises ORM-level behaviour that is the same on both
 * (entities, `em.find`, optimistic locks, the GraphQL pipeline) runs on SQLite only; the ORM's own
 * PostgreSQL behaviour is covered once, by `postgresql.pg.test.ts`. When in doubt, keep PostgreSQL.
 *
 * A file says so in its header: `describe.each(DATABASES)` for a suite of both kinds,
 * `describe.each(SQLITE_ONLY)` / `it.each(POSTGRESQL_ONLY)` for a single-dialect suite beside it.
 * vitest.config.ts runs every file on SQLite with files in parallel, and, when DATABASE_URL points
 * at PostgreSQL, the files that import `DATABASES` or `POSTGRESQL_ONLY` (and `*.pg.test.ts`) again,
 * one file after another, on PostgreSQL; each run tells this module its database through
 * `STEWARD_TEST_DATABASES`. Run outside those projects, `DATABASES` is both where PostgreSQL is
 * available.
 */
export type TestDatabase = 'sqlite' | 'postgresql';

function chosen(): readonly TestDatabase[] {
  const env = process.env.STEWARD_TEST_DATABASES;
  if (!env) return postgresUrl ? ['sqlite', 'postgresql'] : ['sqlite'];
  const list = env.split(',').map((d) => d.trim());
  for (const d of list) {
    if (d !== 'sqlite' && d !== 'postgresql') throw new Error(`STEWARD_TEST_DATABASES: unknown database "${d}"`);
    if (d === 'postgresql' && !postgresUrl)
      throw new Error('STEWARD_TEST_DATABASES names postgresql: set DATABASE_URL');
  }
  return list as TestDatabase[];
}

/** The databases this run covers, for a suite whose SQL or concurrency differs by dialect. */
export const DATABASES: readonly TestDatabase[] = chosen();

/** For a suite that runs on SQLite only, in a file whose other suites run on both: empty in the PostgreSQL run. */
export const SQLITE_ONLY: readonly TestDatabase[] = DATABASES.filter((d) => d === 'sqlite');

/** For a suite that exists for PostgreSQL alone. */
export const POSTGRESQL_ONLY: readonly TestDatabase[] = DATABASES.filter((d) => d === 'postgresql');
