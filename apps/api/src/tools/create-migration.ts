// Writes the next migration for both databases under one name (file and class), from the difference
// between the entities and the schema that the existing migrations build (on SQLite, MikroORM's diff
// re-creates every table with a CHECK constraint: trim the generated file to the tables that
// changed); a database with nothing to change gets a migration that does nothing, so both apply the
// same names in the same order.
// `--blank` writes the pair empty, to fill by hand (triggers, data moves). Nothing is written unless
// both were generated. See "Migrations" in ARCHITECTURE.md for what a migration may do.
// Usage: npm run build -w @steward/api && npm run migration:create -w @steward/api [-- --blank]
import 'reflect-metadata';
import { MikroORM, type MigrationDiff } from '@mikro-orm/core';
import { TSMigrationGenerator } from '@mikro-orm/migrations';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ormOptions, type DatabaseKind, type DatabaseTarget } from '../mikro-orm.config.js';
import {
  blankMigration,
  describeSqliteSchema,
  migrationName,
  MIGRATION_FOLDERS,
  noOpMigration,
  writeIndex,
} from './migration-files.js';

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const folderOf = (dialect: DatabaseKind) => join(srcDir, 'migrations', dialect);

/** Keeps the generated code instead of writing it under a name of MikroORM's choosing. */
class CapturingGenerator extends TSMigrationGenerator {
  static code: string | null = null;
  override async generate(diff: MigrationDiff, _path?: string, name?: string): Promise<[string, string]> {
    if (!name) throw new Error('a migration name is required');
    CapturingGenerator.code = await this.generateMigrationFile(name, diff);
    return [CapturingGenerator.code, `${name}.ts`];
  }
}

/** The generated migration for one database, or null when its schema already matches the entities. */
async function generate(target: DatabaseTarget, name: string): Promise<string | null> {
  const options = ormOptions(target, { migrationsPath: folderOf(target.kind) });
  const orm = await MikroORM.init({ ...options, migrations: { ...options.migrations, generator: CapturingGenerator } });
  try {
    await orm.getMigrator().up();
    if (target.kind === 'sqlite' && (await sqliteMatchesEntities(orm))) return null;
    CapturingGenerator.code = null;
    const result = await orm.getMigrator().createMigration(folderOf(target.kind), false, false, name);
    return result.fileName ? CapturingGenerator.code : null;
  } finally {
    await orm.close(true);
  }
}

/** Whether the migrated SQLite database has exactly the tables, columns and indexes the entities describe. */
async function sqliteMatchesEntities(migrated: MikroORM): Promise<boolean> {
  const fromEntities = await MikroORM.init(ormOptions({ kind: 'sqlite', url: ':memory:' }));
  try {
    await fromEntities.getSchemaGenerator().createSchema();
    const [a, b] = [await describeSqliteSchema(migrated), await describeSqliteSchema(fromEntities)];
    return JSON.stringify(a) === JSON.stringify(b);
  } finally {
    await fromEntities.close(true);
  }
}

/** A scratch database, so that the generated SQL names no schema or database of its own. */
async function withScratchDatabase<T>(baseUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const scratch = 'steward_migration_gen';
  const admin = await MikroORM.init({
    ...ormOptions({ kind: 'postgresql', url: baseUrl }),
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  const conn = admin.em.getConnection();
  await conn.execute(`drop database if exists ${scratch} with (force)`);
  await conn.execute(`create database ${scratch}`);
  const url = new URL(baseUrl);
  url.pathname = `/${scratch}`;
  try {
    return await run(url.toString());
  } finally {
    await conn.execute(`drop database if exists ${scratch} with (force)`);
    await admin.close(true);
  }
}

const blank = process.argv.includes('--blank');
const name = migrationName(new Date());
for (const dialect of MIGRATION_FOLDERS) {
  if (existsSync(join(folderOf(dialect), `${name}.ts`))) throw new Error(`${dialect}/${name}.ts exists already`);
}

const pgUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const code: Record<DatabaseKind, string | null> = blank
  ? { sqlite: blankMigration(name, 'sqlite'), postgresql: blankMigration(name, 'postgresql') }
  : {
      sqlite: await generate({ kind: 'sqlite', url: ':memory:' }, name),
      postgresql: await withScratchDatabase(pgUrl, (url) => generate({ kind: 'postgresql', url }, name)),
    };

if (!code.sqlite && !code.postgresql) {
  console.log('no changes: the migrations already build what the entities describe');
} else {
  for (const dialect of MIGRATION_FOLDERS) {
    const file = join(folderOf(dialect), `${name}.ts`);
    writeFileSync(file, code[dialect] ?? noOpMigration(name, dialect));
    writeIndex(folderOf(dialect), dialect);
    console.log(`${dialect}: wrote ${name}.ts${code[dialect] ? '' : ' (nothing to change there)'}`);
  }
  console.log('Describe the change in a doc comment above each class (ARCHITECTURE.md, "Migrations").');
}
