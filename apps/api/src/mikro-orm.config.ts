// The only file that imports a database driver package.
import { LibSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Options } from '@mikro-orm/core';
import { entities } from './entities.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** SQLite: a file path or ':memory:'. PostgreSQL: a connection string. */
  url: string;
  /** PostgreSQL schema to use (tests isolate themselves in their own schema). */
  schema?: string;
}

export function ormOptions(target: DatabaseTarget, opts: { migrationsPath?: string } = {}): Options {
  const common = {
    entities,
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Personal values never appear in ORM logs or errors.
    logger: () => undefined,
    extensions: [Migrator],
    migrations: {
      // Each dialect has its own migrations (their DDL differs); how they run is the same.
      migrationsList: target.kind === 'sqlite' ? sqliteMigrations : postgresqlMigrations,
      path: opts.migrationsPath,
      pathTs: opts.migrationsPath,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
  } satisfies Partial<Options>;

  if (target.kind === 'sqlite') {
    return {
      ...common,
      driver: LibSqlDriver,
      dbName: target.url,
    } as Options;
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: target.url,
    ...(target.schema ? { schema: target.schema } : {}),
    pool: { min: 0, max: 10 },
  } as Options;
}
