// Writes the next migration for both databases from the difference between the entities and the
// schema that the existing migrations build. Usage: npm run build -w @steward/api && npm run migration:create -w @steward/api
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ormOptions, type DatabaseTarget } from '../mikro-orm.config.js';

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

async function create(target: DatabaseTarget, folder: string) {
  const path = join(srcDir, 'migrations', folder);
  const orm = await MikroORM.init(ormOptions(target, { migrationsPath: path }));
  try {
    if (target.kind === 'postgresql' && target.schema) {
      await orm.em.getConnection().execute(`drop schema if exists "${target.schema}" cascade; create schema "${target.schema}"`);
    }
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(path, false, false);
    if (!result.fileName) {
      console.log(`${folder}: no changes`);
      return;
    }
    console.log(`${folder}: wrote ${result.fileName}`);
    writeIndex(path, folder);
  } finally {
    if (target.kind === 'postgresql' && target.schema) {
      await orm.em.getConnection().execute(`drop schema if exists "${target.schema}" cascade`);
    }
    await orm.close(true);
  }
}

/** Regenerates the explicit list of migrations from the files in the folder. */
function writeIndex(path: string, folder: string) {
  const files = readdirSync(path).filter((f) => /^Migration\d+.*\.ts$/.test(f)).sort();
  const lines = files.map((f) => {
    const name = f.replace(/\.ts$/, '');
    const cls = /export class (\w+)/.exec(readFileSync(join(path, f), 'utf8'))?.[1] ?? name;
    return { name, cls };
  });
  const out = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...lines.map((l) => `import { ${l.cls} } from './${l.name}.js';`),
    '',
    '/** Applied in this order; add new migrations at the end (tools/create-migration writes them). */',
    `export const ${folder}Migrations: MigrationObject[] = [`,
    ...lines.map((l) => `  { name: '${l.name}', class: ${l.cls} },`),
    '];',
    '',
  ];
  writeFileSync(join(path, 'index.ts'), out.join('\n'));
}

const pgUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
await create({ kind: 'sqlite', url: ':memory:' }, 'sqlite');
await create({ kind: 'postgresql', url: pgUrl, schema: 'steward_migration_gen' }, 'postgresql');
