import type { MikroORM } from '@mikro-orm/core';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseKind } from '../mikro-orm.config.js';

/** The folders under src/migrations, one per database, each with its explicit list (index.ts). */
export const MIGRATION_FOLDERS: readonly DatabaseKind[] = ['sqlite', 'postgresql'];

const LABEL: Record<DatabaseKind, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };

/**
 * The one name (file and class) a new migration gets in both databases: `Migration` and the UTC
 * time to the second, as MikroORM names them, so the names keep sorting by creation.
 */
export function migrationName(now: Date): string {
  return `Migration${now.toISOString().replace(/[-T:]|\.\d{3}Z$/g, '')}`;
}

/** A migration that changes nothing, so this database applies the same names as the other one. */
export function noOpMigration(name: string, dialect: DatabaseKind): string {
  return emptyMigration(
    name,
    `Nothing to change on ${LABEL[dialect]}: only the ${otherLabel(dialect)} migration of the same name has work to do.`,
  );
}

/** An empty migration to write by hand (triggers, data moves), in both databases under one name. */
export function blankMigration(name: string, dialect: DatabaseKind): string {
  return emptyMigration(
    name,
    `TODO: what this changes, and why (the ${otherLabel(dialect)} migration of the same name does the same there).`,
  );
}

const otherLabel = (dialect: DatabaseKind) => LABEL[dialect === 'sqlite' ? 'postgresql' : 'sqlite'];

function emptyMigration(name: string, doc: string): string {
  return [
    "import { Migration } from '@mikro-orm/migrations';",
    '',
    `/** ${doc} */`,
    `export class ${name} extends Migration {`,
    '  override async up(): Promise<void> {}',
    '',
    '  override async down(): Promise<void> {}',
    '}',
    '',
  ].join('\n');
}

/**
 * Rewrites a folder's explicit list of migrations: the order already listed is kept (databases
 * applied them in that order, and branches merged later can list a later timestamp first), and
 * files not listed yet are appended at the end.
 */
export function writeIndex(path: string, folder: DatabaseKind): void {
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

/**
 * A SQLite database's tables, columns and indexes (not its triggers, which the entities do not
 * describe): MikroORM's SQLite diff always re-creates tables that have CHECK constraints, so a
 * SQLite schema is compared by this shape instead.
 */
export async function describeSqliteSchema(orm: MikroORM): Promise<Record<string, unknown>> {
  const conn = orm.em.getConnection();
  const objects = await conn.execute<{ type: string; name: string }[]>(
    "select type, name from sqlite_master where type <> 'trigger' and name not like 'sqlite_%' and name not like 'mikro_orm_migrations%' order by type, name",
  );
  const shape: Record<string, unknown> = {};
  for (const o of objects) {
    shape[`${o.type}:${o.name}`] =
      o.type === 'table'
        ? await conn.execute(`pragma table_info(\`${o.name}\`)`)
        : await conn.execute(`pragma index_info(\`${o.name}\`)`);
  }
  return shape;
}
