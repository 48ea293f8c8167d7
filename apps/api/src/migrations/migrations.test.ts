import { MikroORM } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { ormOptions } from '../mikro-orm.config.js';
import { createTestApp, postgresUrl } from '../test/test-app.js';

describe('migrations', () => {
  // MikroORM's SQLite diff always re-creates tables that have CHECK constraints, so SQLite is
  // compared structurally: the migrated database against one created from the entities.
  it('build exactly the tables, columns and indexes the entities describe on SQLite', async () => {
    const migrated = await MikroORM.init(ormOptions({ kind: 'sqlite', url: ':memory:' }));
    const fromEntities = await MikroORM.init(ormOptions({ kind: 'sqlite', url: ':memory:' }));
    try {
      await migrated.getMigrator().up();
      await fromEntities.getSchemaGenerator().createSchema();
      expect(await describeSqlite(migrated)).toEqual(await describeSqlite(fromEntities));
    } finally {
      await migrated.close(true);
      await fromEntities.close(true);
    }
  });

  it.skipIf(!postgresUrl)('build exactly the schema the entities describe on PostgreSQL', async () => {
    const app = await createTestApp({ database: 'postgresql' });
    try {
      expect(await app.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await app.close();
    }
  });

  it('install the ledger guards and the ledger head', async () => {
    const app = await createTestApp();
    try {
      const conn = app.em().getConnection();
      const triggers = await conn.execute<{ name: string }[]>("select name from sqlite_master where type = 'trigger' and name like 'ledger%' order by name");
      expect(triggers.map((t) => t.name)).toEqual(['ledger_entry_no_delete', 'ledger_entry_no_update']);
      expect(await conn.execute('select id, sequence from ledger_head')).toEqual([{ id: 1, sequence: 0 }]);
    } finally {
      await app.close();
    }
  });

  it('let the database itself refuse values outside the vocabulary', async () => {
    const app = await createTestApp();
    try {
      await expect(
        app.em().getConnection().execute("insert into provider (id, created_at, updated_at, kind, reference, version) values ('01900000-0000-7000-8000-000000000001', 0, 0, 'ROBOT', 'X-1', 1)"),
      ).rejects.toThrow(/CHECK constraint/i);
    } finally {
      await app.close();
    }
  });
});

async function describeSqlite(orm: MikroORM) {
  const conn = orm.em.getConnection();
  const objects = await conn.execute<{ type: string; name: string; tbl_name: string }[]>(
    // Triggers are not part of the entity model (the ledger guards are checked on their own below).
    "select type, name, tbl_name from sqlite_master where type <> 'trigger' and name not like 'sqlite_%' and name not like 'mikro_orm_migrations%' order by type, name",
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
