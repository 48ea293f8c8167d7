import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const require = createRequire(import.meta.url);
const postgresUrl = process.env.DATABASE_URL?.startsWith('postgres');
// SQLite files in parallel, one worker per core: vitest's default leaves a core free, which on the two
// cores of CI is a single worker.
const WORKERS = availableParallelism();

/**
 * The files that run on PostgreSQL too: those whose header asks for it by importing `DATABASES`
 * or `POSTGRESQL_ONLY` from test/databases.ts (where the rule for choosing is written), and the
 * `*.pg.test.ts` files.
 */
function postgresqlFiles(): string[] {
  const asks = /^import\s*\{[^}]*\b(?:DATABASES|POSTGRESQL_ONLY)\b[^}]*\}\s*from\s*'[./]*(?:test\/)?databases\.js';/m;
  const src = fileURLToPath(new URL('src/', import.meta.url));
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter(
      (f) => f.endsWith('.pg.test.ts') || (f.endsWith('.test.ts') && asks.test(readFileSync(join(src, f), 'utf8'))),
    )
    .map((f) => `src/${f.replaceAll('\\', '/')}`)
    .sort();
}

const sqlite: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'sqlite',
    include: ['src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'src/**/*.pg.test.ts'],
    env: { STEWARD_TEST_DATABASES: 'sqlite' },
    // Every test app has its own in-memory database and an ephemeral port: files run in parallel.
    fileParallelism: true,
    maxWorkers: WORKERS,
  },
};

const postgresql: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'postgresql',
    include: postgresqlFiles(),
    env: { STEWARD_TEST_DATABASES: 'postgresql' },
    // The files share one PostgreSQL server (each test app creates a database of its own on it):
    // they run one after another, after the SQLite files.
    fileParallelism: false,
    // A group of its own (vitest asks for one when a group's projects differ in workers): after SQLite's.
    sequence: { groupOrder: 1 },
  },
};

export default defineConfig({
  resolve: {
    // One graphql module instance for type-graphql, Apollo and the tests ("another realm" errors otherwise).
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    setupFiles: ['src/test/setup.ts'],
    // One process and module graph per worker, not per file: loading Apollo, type-graphql, MikroORM and the
    // app's ~300 modules again for each file cost more CPU than most files' tests. Every test app is still
    // a new server over a new database; what is process-wide is reset by src/test/setup.ts.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One report for both projects: scripts/test-summary.mjs counts it.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: postgresUrl ? [sqlite, postgresql] : [sqlite],
  },
});
