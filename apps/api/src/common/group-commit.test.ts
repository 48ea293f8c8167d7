import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { GroupCommitter, type GroupWriter } from './group-commit.js';
import { leanRows, leanRun } from './sql/lean-sql.js';

// The one group-commit engine, with both users' failure rules: the ledger's (a refused group is
// written again one by one, so only the refused item fails) and the cookie consent write's (a
// refused group fails as a whole).

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await leanRun(app.em(), { sql: 'create table group_probe (id integer primary key)' });
});
afterAll(() => app.close());

/** Inserts the items' ids; the database refuses a repeated id (primary key). Counts the groups it was given. */
function probeWriter(groups: number[][]): GroupWriter<number, number> {
  return async (tx, items) => {
    groups.push([...items]);
    for (const id of items) await leanRun(tx, { sql: 'insert into group_probe (id) values (:id)', params: { id } });
    return items.map((id) => id * 10);
  };
}

const ids = async () =>
  (await leanRows<{ id: number }>(app.em(), { sql: 'select id from group_probe order by id' })).map((r) =>
    Number(r.id),
  );

const options = { maxItems: 64, gatherTurns: 4, maxInFlight: 1, name: 'probe' };

describe('group commit', () => {
  it('writes items that arrive together in one group and answers each with its result', async () => {
    await leanRun(app.em(), { sql: 'delete from group_probe' });
    const groups: number[][] = [];
    const committer = new GroupCommitter({ write: probeWriter(groups), retryOneByOne: true, ...options });
    expect(await Promise.all([1, 2, 3].map((id) => committer.submit(app.em(), id)))).toEqual([10, 20, 30]);
    expect(groups).toEqual([[1, 2, 3]]);
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it('retryOneByOne: a refused group is written again item by item, so only the refused item fails', async () => {
    await leanRun(app.em(), { sql: 'delete from group_probe' });
    await leanRun(app.em(), { sql: 'insert into group_probe (id) values (5)' });
    const groups: number[][] = [];
    const committer = new GroupCommitter({ write: probeWriter(groups), retryOneByOne: true, ...options });
    const results = await Promise.allSettled([4, 5, 6].map((id) => committer.submit(app.em(), id)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(groups).toEqual([[4, 5, 6], [4], [5], [6]]);
    expect(await ids()).toEqual([4, 5, 6]);
  });

  it('without retryOneByOne: a refused group fails as a whole and leaves nothing', async () => {
    await leanRun(app.em(), { sql: 'delete from group_probe' });
    await leanRun(app.em(), { sql: 'insert into group_probe (id) values (8)' });
    const groups: number[][] = [];
    const committer = new GroupCommitter({ write: probeWriter(groups), retryOneByOne: false, ...options });
    const results = await Promise.allSettled([7, 8, 9].map((id) => committer.submit(app.em(), id)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(groups).toEqual([[7, 8, 9]]);
    expect(await ids()).toEqual([8]);
  });

  it('bounds a group by maxItems', async () => {
    await leanRun(app.em(), { sql: 'delete from group_probe' });
    const groups: number[][] = [];
    const committer = new GroupCommitter({ write: probeWriter(groups), retryOneByOne: false, ...options, maxItems: 2 });
    await Promise.all([11, 12, 13].map((id) => committer.submit(app.em(), id)));
    expect(groups).toEqual([[11, 12], [13]]);
  });
});
