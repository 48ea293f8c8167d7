import type { EntityManager } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASES } from '../../test/databases.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { checkDriverPool, driverPool } from './driver-pool.js';
import { leanRows, leanRun, leanTransaction } from './lean-sql.js';

/** A promise's state after the event loop had a few turns to settle it. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe.each(DATABASES)('lean SQL on the ORM pool (%s)', (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ database });
    await leanRun(app.em(), { sql: 'create table lean_probe (id integer primary key, note text)' });
  });
  afterAll(() => app.close());

  it('passes the start-up check of the pool internals it relies on', async () => {
    await expect(checkDriverPool(app.em(), database === 'sqlite')).resolves.toBeUndefined();
  });

  it('runs statements inside the caller’s transaction, and outside it on a connection of the pool', async () => {
    await app.em().transactional(async (em) => {
      await leanRun(em, {
        sql: 'insert into lean_probe (id, note) values (:id, :note)',
        params: { id: 1, note: 'in' },
      });
      // The transaction's own connection sees its uncommitted row.
      expect(await leanRows(em, { sql: 'select note from lean_probe where id = :id', params: { id: 1 } })).toEqual([
        { note: 'in' },
      ]);
    });
    expect(await leanRows(app.em(), { sql: 'select note from lean_probe where id = 1' })).toEqual([{ note: 'in' }]);
  });

  it('rolls a lean transaction back when its work throws', async () => {
    await expect(
      leanTransaction(app.em(), async (tx) => {
        await leanRun(tx, { sql: "insert into lean_probe (id, note) values (2, 'rolled back')" });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await leanRows(app.em(), { sql: 'select id from lean_probe where id = 2' })).toEqual([]);
  });

  it.runIf(database === 'sqlite')(
    'waits, outside a transaction, while another transaction holds the connection, and does not interleave',
    async () => {
      const em = app.em();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inside!: () => void;
      const entered = new Promise<void>((resolve) => (inside = resolve));
      const transaction = em.fork().transactional(async (tx) => {
        await leanRun(tx, { sql: "insert into lean_probe (id, note) values (3, 'uncommitted')" });
        inside();
        await held;
      });
      await entered;
      // The pool's only connection is in the transaction: the idle shortcut must not take it.
      expect(driverPool(em).idle()).toBeNull();
      const outside = leanRows<{ note: string }>(em, { sql: 'select note from lean_probe where id = 3' });
      expect(await settled(outside)).toBe(false);
      release();
      await transaction;
      // It ran after the commit, on its own: it sees the committed row, never the transaction's state mid-way.
      expect(await outside).toEqual([{ note: 'uncommitted' }]);
    },
  );

  it.runIf(database === 'sqlite')('runs straight on the idle connection, without the pool’s acquire', async () => {
    const em = app.em();
    await leanRows(em, { sql: 'select 1 as one' });
    expect(driverPool(em).idle()).not.toBeNull();
    const client = (
      em.getConnection() as unknown as { getKnex(): { client: { acquireConnection(): unknown } } }
    ).getKnex().client;
    const acquire = vi.spyOn(client, 'acquireConnection');
    try {
      expect(await leanRows(em, { sql: 'select 2 as two' })).toEqual([{ two: 2 }]);
      expect(acquire).not.toHaveBeenCalled();
    } finally {
      acquire.mockRestore();
    }
  });
});

describe('the start-up check', () => {
  const fakeEm = (connection: unknown) => ({ getConnection: () => connection }) as unknown as EntityManager;

  it('fails loudly when the ORM no longer offers the knex client', async () => {
    await expect(checkDriverPool(fakeEm({}), true)).rejects.toThrow(
      /Lean SQL cannot reach the ORM connection pool.*common\/sql\/driver-pool\.ts must follow the upgrade/,
    );
    expect(() => driverPool(fakeEm({ getKnex: () => ({}) }))).toThrow(/cannot reach the ORM connection pool/);
  });

  it('fails loudly when the pool or the driver connection changed shape', async () => {
    const client = {
      pool: { numUsed: () => 0, on: () => undefined },
      acquireConnection: () => Promise.resolve({ prepare: () => ({}) }),
      releaseConnection: () => Promise.resolve(),
    };
    await expect(checkDriverPool(fakeEm({ getKnex: () => ({ client }) }), true)).rejects.toThrow(
      'Lean SQL relies on knex/tarn internals that changed (missing: pool.numPendingAcquires(), pool.numPendingCreates())',
    );
    const pg = { ...client, acquireConnection: () => Promise.resolve({}) };
    await expect(checkDriverPool(fakeEm({ getKnex: () => ({ client: pg }) }), false)).rejects.toThrow(
      'missing: connection.query()',
    );
  });
});
