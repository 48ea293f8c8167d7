import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blankMigration, migrationName, noOpMigration } from '../tools/migration-files.js';
import { postgresqlMigrations } from './postgresql/index.js';
import { sqliteMigrations } from './sqlite/index.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Until December 2026 each database's migration was generated on its own, a second apart, so these
 * twins carry different names (SQLite → PostgreSQL; null: SQLite only). Databases record the names
 * they applied, so they are never renamed. The list is closed: every later migration has one name in
 * both databases (tools/create-migration.ts writes them so).
 */
const HISTORICAL: Readonly<Record<string, string | null>> = {
  Migration20261124202731: 'Migration20261124203837',
  Migration20261124220252: 'Migration20261124220253',
  Migration20261124231434: 'Migration20261124231435',
  Migration20261124225109: 'Migration20261124225110',
  Migration20261124225151: 'Migration20261124225152',
  // Drops two SQLite indexes the composite ones already cover.
  Migration20261125011851: null,
  Migration20261125030000: 'Migration20261125030001',
  Migration20261204160000: 'Migration20261204160001',
  Migration20261204153551: 'Migration20261204153552',
};
const LAST_HISTORICAL = 'Migration20261204160001';

const listed = { sqlite: sqliteMigrations, postgresql: postgresqlMigrations };

describe('migration names', () => {
  it.each(['sqlite', 'postgresql'] as const)('list every %s migration file once, each exporting the class of its name', (dialect) => {
    const files = readdirSync(join(here, dialect))
      .filter((f) => /^Migration\w*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    const names = listed[dialect].map((m) => m.name);
    expect([...names].sort()).toEqual(files);
    expect(new Set(names).size).toBe(names.length);
    for (const m of listed[dialect]) {
      expect((m.class as { name: string }).name, m.name).toBe(m.name);
      expect(readFileSync(join(here, dialect, `${m.name}.ts`), 'utf8')).toContain(`export class ${m.name} extends Migration`);
    }
  });

  it('give every migration a twin of the same name in the other database, at the same place in the order', () => {
    const sqlite = sqliteMigrations.map((m) => m.name);
    const postgresql = postgresqlMigrations.map((m) => m.name);
    // A new migration written for one database only (npm run migration:create writes both).
    const sqliteOnly = sqlite.filter((n) => !(n in HISTORICAL) && !postgresql.includes(n));
    const postgresqlOnly = postgresql.filter(
      (n) => !Object.values(HISTORICAL).includes(n) && !sqlite.includes(n),
    );
    expect({ sqliteOnly, postgresqlOnly }).toEqual({ sqliteOnly: [], postgresqlOnly: [] });
    // Both databases apply them in the same order.
    const twins = sqlite.map((n) => (n in HISTORICAL ? HISTORICAL[n] : n)).filter((n) => n !== null);
    expect(twins).toEqual(postgresql);
  });

  it('keep the historical exceptions closed', () => {
    for (const [sqlite, postgresql] of Object.entries(HISTORICAL)) {
      expect(sqlite <= LAST_HISTORICAL && (postgresql ?? '') <= LAST_HISTORICAL, sqlite).toBe(true);
      expect(sqliteMigrations.some((m) => m.name === sqlite), sqlite).toBe(true);
      if (postgresql) expect(postgresqlMigrations.some((m) => m.name === postgresql), postgresql).toBe(true);
    }
  });

  it('are made by the tool as MikroORM names them, one name for both databases', () => {
    const name = migrationName(new Date('2026-12-06T22:30:05.123Z'));
    expect(name).toBe('Migration20261206223005');
    for (const dialect of ['sqlite', 'postgresql'] as const) {
      expect(noOpMigration(name, dialect)).toContain(`export class ${name} extends Migration {`);
      expect(blankMigration(name, dialect)).toContain(`export class ${name} extends Migration {`);
    }
  });
});
