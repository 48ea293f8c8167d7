import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from './dialect.js';
import {
  driverPool,
  leanTransactionContext,
  transactionConnection,
  type PgConnection,
  type SqliteConnection,
} from './driver-pool.js';
import { compile, type Query, type Row } from './statement.js';

// Lean SQL for the hot paths (DESIGN.md §5: most of the ORM's cost is statement building and
// hydration, not the database). Plain parameterised statements through the ORM's own connection,
// inside the caller's transaction when there is one. Everything else stays on the ORM. Only
// `*.queries.ts`, `*-facts.ts` and the group-commit writers import this module (eslint.config.js).

export type { Query, Row } from './statement.js';

/** Prepared statements per raw connection (a connection the pool drops takes its cache with it). */
const sqliteStatements = new WeakMap<object, Map<string, ReturnType<SqliteConnection['prepare']>>>();
const pgNames = new Map<string, string>();

function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  return value;
}

/**
 * A name per PostgreSQL text, so it is prepared once per connection. Statement names are per
 * connection and unbounded SQL (IN lists of varying length) must not grow the cache forever: only
 * the first 500 distinct texts are named.
 */
function pgName(text: string): string {
  let name = pgNames.get(text);
  if (name === undefined) {
    name = pgNames.size < 500 ? `lean_${pgNames.size + 1}` : '';
    if (name) pgNames.set(text, name);
  }
  return name;
}

function runSqlite(connection: SqliteConnection, text: string, values: unknown[], method: 'all' | 'run'): unknown[] {
  let cache = sqliteStatements.get(connection);
  if (!cache) sqliteStatements.set(connection, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    statement = connection.prepare(text);
    if (cache.size < 1000) cache.set(text, statement);
  }
  const bound = values.map(sqliteValue);
  if (method === 'run') {
    statement.run(bound);
    return [];
  }
  return statement.all(bound);
}

async function runPg(connection: PgConnection, text: string, values: unknown[]): Promise<unknown[]> {
  const name = pgName(text);
  const bound = values.map((v) => (v === undefined ? null : v));
  const result = await connection.query(name ? { name, text, values: bound } : { text, values: bound });
  return result.rows;
}

/**
 * The ORM's `execute` inlines every parameter into the SQL text and hands it to knex, which costs
 * more than the statement itself on SQLite (DESIGN.md §5). Lean statements instead run on the raw
 * driver connection — the caller's transaction's connection when there is one, otherwise one taken
 * from (and given back to) the ORM's pool, so isolation is exactly the ORM's — as prepared
 * statements with bound parameters.
 */
async function leanExecute(em: EntityManager, query: Query, method: 'all' | 'run'): Promise<unknown[]> {
  const dialect = dialectOf(em);
  const { text, values } = compile(dialect, query);
  const inTransaction = transactionConnection(em);
  if (inTransaction) {
    const connection = await inTransaction;
    return dialect.name === 'sqlite'
      ? runSqlite(connection as SqliteConnection, text, values, method)
      : runPg(connection as PgConnection, text, values);
  }
  const pool = driverPool(em);
  if (dialect.name === 'sqlite') {
    const idle = pool.idle();
    if (idle) return runSqlite(idle as SqliteConnection, text, values, method);
  }
  const connection = await pool.acquire();
  try {
    if (dialect.name !== 'sqlite') return await runPg(connection as PgConnection, text, values);
    pool.remember(connection);
    return runSqlite(connection as SqliteConnection, text, values, method);
  } finally {
    await pool.release(connection);
  }
}

/** Runs a select (inside the caller's transaction, if any) and returns plain rows. */
export async function leanRows<T = Row>(em: EntityManager, query: Query): Promise<T[]> {
  return (await leanExecute(em, query, 'all')) as T[];
}

/** Runs a write (inside the caller's transaction, if any). */
export async function leanRun(em: EntityManager, query: Query): Promise<void> {
  await leanExecute(em, query, 'run');
}

/**
 * Runs `work` in a transaction of its own on one raw driver connection taken from the ORM's pool,
 * without the ORM's transaction machinery: `work` gets an EntityManager whose transaction context
 * is that connection, so lean statements (and only lean statements — the ORM cannot use this
 * context) run inside it. Commits when `work` resolves, rolls back when it throws. `work` must not
 * keep `tx` or leave a statement running after it settles: the EntityManager is handed to the next
 * lean transaction, whose statements it would then join.
 */
export async function leanTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  const pool = driverPool(em);
  const connection = await pool.acquire();
  const tx = takeTransactionManager(em);
  tx.setTransactionContext(leanTransactionContext(connection) as never);
  try {
    await leanRun(tx, { sql: dialectOf(em).begin });
    try {
      const value = await work(tx);
      await leanRun(tx, { sql: 'commit' });
      return value;
    } catch (error) {
      // After a failed statement or a failed commit: never hand the connection back mid-transaction.
      await leanRun(tx, { sql: 'rollback' }).catch(() => undefined);
      throw error;
    }
  } finally {
    tx.resetTransactionContext();
    giveBackTransactionManager(em, tx);
    await pool.release(connection);
  }
}

/**
 * EntityManagers that carried a lean transaction and may carry the next, per ORM connection: a fork
 * builds a unit of work, identity map and loaders, and cost ~180 µs per group commit under load
 * (bench/README.md, "Seventh round"). One carries one transaction at a time; lean statements never
 * put entities in it (cleared anyway when given back).
 */
const idleTransactionManagers = new WeakMap<object, EntityManager[]>();
const MAX_IDLE_TRANSACTION_MANAGERS = 16;

function takeTransactionManager(em: EntityManager): EntityManager {
  return idleTransactionManagers.get(em.getConnection())?.pop() ?? em.fork({ clear: true });
}

function giveBackTransactionManager(em: EntityManager, tx: EntityManager): void {
  const connection = em.getConnection();
  let idle = idleTransactionManagers.get(connection);
  if (!idle) idleTransactionManagers.set(connection, (idle = []));
  tx.clear();
  if (idle.length < MAX_IDLE_TRANSACTION_MANAGERS) idle.push(tx);
}

/**
 * How many rows `query` (a select) returns, reading at most `cap + 1` of them: the database stops at the
 * LIMIT, so a list's total costs at most that many index entries however large the list (toTotal in
 * common/connection.ts turns the answer into "cap+" when it reaches past the cap).
 */
export async function leanCountUpTo(em: EntityManager, query: Query, cap: number): Promise<number> {
  const [row] = await leanRows<{ n: number | string }>(em, {
    sql: `select count(*) as n from (${query.sql} limit :countCap) counted`,
    params: { ...query.params, countCap: cap + 1 },
  });
  return Number(row?.n ?? 0);
}
