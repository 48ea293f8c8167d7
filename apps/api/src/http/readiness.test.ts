import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

async function get(url: string) {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

// /readyz reads with lean SQL (health.queries.ts): on both databases. The rest is the same on both: SQLite only.
describe.each(DATABASES)('/livez and /readyz on %s', (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ database });
  });
  afterAll(() => app?.close());

  it('answers /livez while the process runs and /readyz when the database, migrations and key are in order', async () => {
    expect(await get(`${app.url}/livez`)).toMatchObject({ status: 200, text: '{"status":"live"}' });
    const ready = await get(`${app.url}/readyz`);
    expect(ready).toMatchObject({ status: 200, text: '{"status":"ready"}' });
    expect(ready.type).toMatch(/^application\/json/);
  });

  it('answers /readyz 503 with the reason: a migration missing, one unknown, another key', async () => {
    const conn = app.em().getConnection();
    const [last] = await conn.execute<{ id: number; name: string; executed_at: unknown }[]>(
      'select id, name, executed_at from mikro_orm_migrations order by id desc limit 1',
    );
    await conn.execute('delete from mikro_orm_migrations where id = ?', [last!.id]);
    expect(JSON.parse((await get(`${app.url}/readyz`)).text)).toEqual({
      status: 'unavailable',
      reason: 'MIGRATIONS_PENDING',
    });
    await conn.execute('insert into mikro_orm_migrations (id, name, executed_at) values (?, ?, ?)', [
      last!.id,
      last!.name,
      last!.executed_at,
    ]);
    await conn.execute("insert into mikro_orm_migrations (name) values ('Migration99990101000000_from_the_future')");
    const unknown = await get(`${app.url}/readyz`);
    expect(unknown.status).toBe(503);
    expect(JSON.parse(unknown.text)).toMatchObject({ reason: 'MIGRATIONS_UNKNOWN' });
    await conn.execute("delete from mikro_orm_migrations where name = 'Migration99990101000000_from_the_future'");

    const [check] = await conn.execute<{ value: string }[]>(
      "select value from system_setting where key = 'encryption.key_check'",
    );
    await conn.execute("update system_setting set value = 'other-key:0' where key = 'encryption.key_check'");
    expect(JSON.parse((await get(`${app.url}/readyz`)).text)).toMatchObject({ reason: 'ENCRYPTION_KEY_NOT_LOADED' });
    await conn.execute("update system_setting set value = ? where key = 'encryption.key_check'", [check!.value]);
    expect((await get(`${app.url}/readyz`)).status).toBe(200);
  });

  it('answers /metrics 404 on the main port when neither a metrics port nor a token is set', async () => {
    const res = await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer metrics-token-for-the-tests' } });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('steward_');
  });
});
