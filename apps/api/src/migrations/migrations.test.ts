import { MikroORM } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ormOptions } from '../mikro-orm.config.js';
import { describeSqliteSchema } from '../tools/migration-files.js';
import { DATABASES, POSTGRESQL_ONLY, SQLITE_ONLY } from '../test/databases.js';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp } from '../test/test-app.js';
import { RecordCollectionDocument } from '@steward/schema';

describe('migrations', () => {
  // MikroORM's SQLite diff always re-creates tables that have CHECK constraints, so SQLite is
  // compared structurally: the migrated database against one created from the entities.
  it.each(SQLITE_ONLY)('build exactly the tables, columns and indexes the entities describe on SQLite', async () => {
    const migrated = await MikroORM.init(ormOptions({ kind: 'sqlite', url: ':memory:' }));
    const fromEntities = await MikroORM.init(ormOptions({ kind: 'sqlite', url: ':memory:' }));
    try {
      await migrated.getMigrator().up();
      await fromEntities.getSchemaGenerator().createSchema();
      expect(await describeSqliteSchema(migrated)).toEqual(await describeSqliteSchema(fromEntities));
    } finally {
      await migrated.close(true);
      await fromEntities.close(true);
    }
  });

  it.each(POSTGRESQL_ONLY)('build exactly the schema the entities describe on PostgreSQL', async () => {
    const app = await createTestApp({ database: 'postgresql' });
    try {
      expect(await app.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await app.close();
    }
  });

  it.each(SQLITE_ONLY)('keep every cookie consent event when the current-state table goes, and derive it again on the way down', async () => {
    const orm = await MikroORM.init(ormOptions({ kind: 'sqlite', url: ':memory:' }));
    try {
      const migrator = orm.getMigrator();
      await migrator.up({ to: 'Migration20261125011851' });
      const conn = orm.em.getConnection();
      await conn.execute("insert into cookie_site (id, created_at, updated_at, name, site_key, domains, allowed_origins, consent_lifetime_days, honours_gpc, banner_title_en, banner_title_ja, banner_text_en, banner_text_ja) values ('s1', 0, 0, 'S', 'site_a', '[]', '[]', 180, 1, 't', 't', 'x', 'x')");
      const event = (id: string, visitor: string, at: number, marketing: number) =>
        conn.execute(
          "insert into cookie_consent_event (id, site_id, visitor_index, visitor_sealed, action, functional, analytics, marketing, gpc, gpc_applied, policy_version, idempotency_key, payload_hash, occurred_at) values (?, 's1', ?, 'sealed', 'CHOOSE', 0, 0, ?, 0, 0, 1, ?, 'h', ?)",
          [id, visitor, marketing, `key-${id}`, at],
        );
      await event('e1', 'v1', 1000, 1);
      await event('e2', 'v1', 2000, 0);
      await event('e3', 'v2', 1500, 1);
      await migrator.up();
      expect(await conn.execute('select id from cookie_consent_event order by id')).toEqual([{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }]);
      expect(await conn.execute("select name from sqlite_master where name = 'cookie_consent_state'")).toEqual([]);
      await migrator.down({ to: 'Migration20261125011851' });
      expect(await conn.execute('select visitor_index, event_id, marketing from cookie_consent_state order by visitor_index')).toEqual([
        { visitor_index: 'v1', event_id: 'e2', marketing: 0 },
        { visitor_index: 'v2', event_id: 'e3', marketing: 1 },
      ]);
    } finally {
      await orm.close(true);
    }
  });

  it.each(DATABASES)('map the fixed UTC offsets to IANA zones on %s, noting one that has none, and back', async (database) => {
    const app = await createTestApp({ database });
    try {
      const migrator = app.orm.getMigrator();
      const conn = app.em().getConnection();
      await migrator.down({ to: 'Migration20261207050000' });
      const [seeded] = await conn.execute<{ id: string }[]>('select id from organisation');
      const rows = [
        [String(seeded!.id), 540],
        [randomUUID(), 0],
        [randomUUID(), 60],
        [randomUUID(), -300],
        [randomUUID(), 330],
      ] as const;
      for (const [id, offset] of rows.slice(1)) {
        await conn.execute(
          "insert into organisation (id, created_at, updated_at, name, name_ja, secretariat_name, postal_address, telephone, fax, email, version, time_zone_offset_minutes) values (?, ?, ?, 'O', 'O', 'S', 'A', 'T', 'F', 'e@example.jp', 1, ?)",
          [id, new Date(), new Date(), offset],
        );
      }
      const byId = async (sql: string) =>
        new Map((await conn.execute<{ id: string; v: unknown }[]>(sql)).map((r) => [String(r.id), r.v]));
      await migrator.up({ to: 'Migration20261207054506' });
      const zones = await byId('select id, time_zone as v from organisation');
      expect(rows.map(([id]) => zones.get(id))).toEqual(['Asia/Tokyo', 'UTC', 'Etc/GMT-1', 'Etc/GMT+5', 'UTC']);
      const closed = await byId('select id, recurring_closed_days as v from organisation');
      const observed = await byId('select id, observe_japanese_holidays as v from organisation');
      for (const [id] of rows) {
        const days = closed.get(id);
        expect(typeof days === 'string' ? JSON.parse(days) : days).toEqual(['12-29', '12-30', '12-31', '01-01', '01-02', '01-03']);
        expect(Boolean(observed.get(id))).toBe(true);
      }
      expect(await conn.execute("select key, value from system_setting where key like 'calendar.%'")).toEqual([
        { key: `calendar.unmapped_offset:${rows[4][0]}`, value: '330' },
      ]);
      await migrator.down({ to: 'Migration20261207050000' });
      const offsets = await byId('select id, time_zone_offset_minutes as v from organisation');
      expect(rows.map(([id]) => Number(offsets.get(id)))).toEqual([540, 0, 60, -300, 330]);
      expect(await conn.execute("select key from system_setting where key like 'calendar.%'")).toEqual([]);
      await conn.execute('delete from organisation where id <> ?', [rows[0][0]]);
      await migrator.up();
    } finally {
      await app.close();
    }
  });

  it.each(DATABASES)(
    'roll the per-visitor idempotency keys back on %s when two visitors share a key, keeping every event',
    async (database) => {
      const app = await createTestApp({ database });
      try {
        const owner = await app.clientAs('OWNER');
        const site = (await owner.raw('mutation($i: CookieSiteInput!) { createCookieSite(input: $i) { id siteKey } }', {
          i: { name: 'Site', domains: ['site.example'], allowedOrigins: ['https://site.example'], consentLifetimeDays: 180, honoursGpc: false, bannerTitle: { en: 'C', ja: 'C' }, bannerText: { en: 'C', ja: 'C' } },
        })).data as { createCookieSite: { id: string; siteKey: string } };
        const record = async (visitorId: string, key: string, marketing: boolean) => {
          const choices = ['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING'].map((category) => ({ category, accepted: category === 'STRICTLY_NECESSARY' || (marketing && category === 'MARKETING') }));
          const res = await app.client().raw(
            'mutation($i: RecordCookieConsentInput!) { recordCookieConsent(input: $i) { receiptId } }',
            { i: { siteKey: site.createCookieSite.siteKey, visitorId, idempotencyKey: key, policyVersion: 1, gpc: false, choices } },
            { origin: 'https://site.example' },
          );
          return (res.data as { recordCookieConsent: { receiptId: string } }).recordCookieConsent.receiptId;
        };
        const [first, second] = [randomUUID(), randomUUID()];
        const shared = await record(first, 'shared-key-1', true);
        const later = await record(first, 'own-key-2', false);
        const other = await record(second, 'shared-key-1', true);
        const previous = database === 'sqlite' ? 'Migration20261125011851' : 'Migration20261124225152';
        await app.orm.getMigrator().down({ to: previous });
        const conn = app.em().getConnection();
        const keys = await conn.execute<{ id: string; idempotency_key: string }[]>('select id, idempotency_key from cookie_consent_event where site_id = ? order by id', [site.createCookieSite.id]);
        expect(keys.map((k) => [String(k.id), k.idempotency_key])).toEqual([
          [shared, 'shared-key-1'],
          [later, 'own-key-2'],
          [other, `dup:${other}`],
        ]);
        const states = await conn.execute<{ event_id: string }[]>('select event_id from cookie_consent_state where site_id = ? order by event_id', [site.createCookieSite.id]);
        expect(states.map((r) => String(r.event_id))).toEqual([later, other]);
        await app.orm.getMigrator().up();
      } finally {
        await app.close();
      }
    },
  );

  it.each(DATABASES)(
    'add the name reading and the provider language on %s keeping every item, and refuse going down while a reading is stored',
    async (database) => {
      const app = await createTestApp({ database });
      try {
        const owner = await app.clientAs('OWNER');
        const conn = app.em().getConnection();
        const collect = (items: { category: 'NAME' | 'NAME_READING' | 'EMAIL'; value: string }[]) =>
          owner.ok(RecordCollectionDocument, { input: buildCollectionInput({ items, language: 'ja' }) });
        const plain = (await collect([{ category: 'NAME', value: '田中 健' }, { category: 'EMAIL', value: 'ken@example.jp' }])).recordCollection.provider;
        const items = () => conn.execute<{ id: string; value_sealed: string }[]>('select id, value_sealed from personal_data_item order by id');
        const before = await items();
        await app.orm.getMigrator().down({ to: 'Migration20261207050000' });
        expect(await items()).toEqual(before);
        expect(await conn.execute("select count(*) as n from search_token where kind = 'NAME_GRAM'")).toEqual([{ n: database === 'sqlite' ? 0 : '0' }]);
        expect(await conn.execute(`select * from system_setting where "key" = 'search.name_index'`)).toEqual([]);
        await app.orm.getMigrator().up();
        expect(await items()).toEqual(before);
        // Providers recorded before the column were written to in English: they keep it.
        expect(await conn.execute('select language from provider where id = ?', [plain.id])).toEqual([{ language: 'en' }]);

        await collect([{ category: 'NAME', value: '田中 健' }, { category: 'NAME_READING', value: 'タナカ ケン' }]);
        const withReading = await items();
        await expect(app.orm.getMigrator().down({ to: 'Migration20261207050000' })).rejects.toThrow(/check/i);
        expect(await items()).toEqual(withReading);
        expect(await conn.execute("select count(*) as n from personal_data_item where category = 'NAME_READING'")).toEqual([{ n: database === 'sqlite' ? 1 : '1' }]);
      } finally {
        await app.close();
      }
    },
  );

  it.each(SQLITE_ONLY)('install the ledger guards and the ledger head', async () => {
    const app = await createTestApp();
    try {
      const conn = app.em().getConnection();
      const triggers = await conn.execute<{ name: string }[]>("select name from sqlite_master where type = 'trigger' and name like 'ledger%' order by name");
      expect(triggers.map((t) => t.name)).toEqual(['ledger_checkpoint_no_delete', 'ledger_checkpoint_no_update', 'ledger_entry_no_delete', 'ledger_entry_no_update']);
      expect(await conn.execute('select id, sequence from ledger_head')).toEqual([{ id: 1, sequence: 0 }]);
    } finally {
      await app.close();
    }
  });

  it.each(SQLITE_ONLY)('let the database itself refuse values outside the vocabulary', async () => {
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
