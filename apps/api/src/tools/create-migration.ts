// Writes the next migration for both databases from the difference between the entities and the
// schema that the existing migrations build. Usage: npm run build -w @steward/api && npm run migration:create -w @steward/api
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ormOptions, type DatabaseTarget } from '../mikro-orm.config.js';

const srcDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

async function create(target: DatabaseTarget, folder: string) {
  const path = join(srcDir, 'migrations', folder);
  const orm = await MikroORM.init(ormOptions(target, { migrationsPath: path }));
  try {
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(path, false, false);
    if (!result.fileName) {
      console.log(`${folder}: no changes`);
      return;
    }
    console.log(`${folder}: wrote ${result.fileName}`);
    writeIndex(path, folder);
  } finally {
    await orm.close(true);
  }
}

/**
 * Rewrites the explicit list of migrations: the order already listed is kept (databases applied
 * them in that order, and branches merged later can list a later timestamp first), and files not
 * listed yet are appended at the end.
 */
function writeIndex(path: string, folder: string) {
  const indexFile = join(path, 'index.ts');
  const listed = existsSync(indexFile)
    ? [...readFileSync(indexFile, 'utf8').matchAll(/name: '(Migration\w+)'/g)].map((m) => `${m[1]}.ts`)
    : [];
  const present = new Set(readdirSync(path).filter((f) => /^Migration\d+.*\.ts$/.test(f)));
  const files = [...listed.filter((f) => present.has(f)), ...[...present].filter((f) => !listed.includes(f)).sort()];
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
  writeFileSync(indexFile, out.join('\n'));
}

/** A scratch database, so that the generated SQL names no schema or database of its own. */
async function withScratchDatabase(baseUrl: string, run: (url: string) => Promise<void>) {
  const name = 'steward_migration_gen';
  const admin = await MikroORM.init({
    ...ormOptions({ kind: 'postgresql', url: baseUrl }),
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  const conn = admin.em.getConnection();
  await conn.execute(`drop database if exists ${name} with (force)`);
  await conn.execute(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  try {
    await run(url.toString());
  } finally {
    await conn.execute(`drop database if exists ${name} with (force)`);
    await admin.close(true);
  }
}

const pgUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
await create({ kind: 'sqlite', url: ':memory:' }, 'sqlite');
await withScratchDatabase(pgUrl, (url) => create({ kind: 'postgresql', url }, 'postgresql'));
