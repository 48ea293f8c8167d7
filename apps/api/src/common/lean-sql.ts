import type { EntityManager } from '@mikro-orm/core';
import { BaseSqlitePlatform } from '@mikro-orm/knex';

// Lean SQL for the hot paths (DESIGN.md §5: most of the ORM's cost is statement building and
// hydration, not the database). Plain parameterised statements through the ORM's own connection,
// inside the caller's transaction when there is one. Everything else stays on the ORM.

export type Row = Record<string, unknown>;

export function isSqlite(em: EntityManager): boolean {
  return em.getPlatform() instanceof BaseSqlitePlatform;
}

/** What the SQLite driver (libsql, better-sqlite3 compatible) offers on a raw connection. */
interface SqliteConnection {
  prepare(sql: string): { all(params: unknown[]): unknown[]; run(params: unknown[]): unknown };
}
/** What node-postgres offers on a raw connection. */
interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}
/** The public counters and events of knex's (tarn) pool. */
interface PoolLike {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  on(event: 'destroySuccess', listener: (eventId: number, resource: unknown) => void): void;
}
interface KnexClientLike {
  pool?: PoolLike;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/** Prepared statements per raw connection (a connection the pool drops takes its cache with it). */
const sqliteStatements = new WeakMap<object, Map<string, ReturnType<SqliteConnection['prepare']>>>();
const pgTexts = new Map<string, { name: string; text: string }>();

/**
 * The ORM's `execute` inlines every parameter into the SQL text and hands it to knex, which costs
 * more than the statement itself on SQLite (DESIGN.md §5). Lean statements instead run on the raw
 * driver connection — the caller's transaction's connection when there is one, otherwise one taken
 * from (and given back to) the ORM's pool, so isolation is exactly the ORM's — as prepared
 * statements with bound parameters.
 */
async function onRawConnection<T>(em: EntityManager, run: (connection: unknown) => Promise<T> | T): Promise<T> {
  const trx = em.getTransactionContext<{ client: KnexClientLike }>();
  const client: KnexClientLike = trx ? trx.client : poolClient(em);
  const connection = await client.acquireConnection();
  try {
    return await run(connection);
  } finally {
    if (!trx) await client.releaseConnection(connection);
  }
}

function poolClient(em: EntityManager): KnexClientLike {
  return (em.getConnection() as unknown as { getKnex(): { client: KnexClientLike } }).getKnex().client;
}

/** Per pool: the SQLite connection it handed out last (forgotten when the pool destroys it). */
const knownSqliteConnections = new WeakMap<object, { connection: object | null }>();

function rememberSqliteConnection(client: KnexClientLike, connection: object): void {
  let known = knownSqliteConnections.get(client);
  if (!known) {
    const slot = { connection: null as object | null };
    knownSqliteConnections.set(client, (known = slot));
    client.pool?.on('destroySuccess', (_eventId, resource) => {
      if (resource === slot.connection) slot.connection = null;
    });
  }
  known.connection = connection;
}

/**
 * A SQLite connection that nobody holds, or null. The SQLite driver is synchronous, so a statement
 * run on a connection while the pool has none in use cannot interleave with anyone's transaction
 * (every transaction, the ORM's and ours, holds its connection until it ends): it reads exactly
 * what an acquired connection would, without the pool's acquire and release, which cost more than
 * a small indexed read (DESIGN.md §5).
 */
function idleSqliteConnection(client: KnexClientLike): SqliteConnection | null {
  const known = knownSqliteConnections.get(client)?.connection;
  const pool = client.pool;
  if (!known || !pool || pool.numUsed() !== 0 || pool.numPendingAcquires() !== 0 || pool.numPendingCreates() !== 0)
    return null;
  return known as unknown as SqliteConnection;
}

function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  return value;
}

/** `?` placeholders → `$1, $2, …` (lean SQL never has a `?` inside a string literal or an operator). */
function pgStatement(sql: string): { name: string; text: string } {
  let cached = pgTexts.get(sql);
  if (!cached) {
    let n = 0;
    cached = { name: `lean_${pgTexts.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    // Statement names are per connection and unbounded SQL (IN lists of varying length) must not
    // grow the cache forever: only the first 500 distinct statements are named (prepared once).
    if (pgTexts.size < 500) pgTexts.set(sql, cached);
    else cached = { name: '', text: cached.text };
  }
  return cached;
}

function runSqlite(
  connection: SqliteConnection,
  sql: string,
  params: readonly unknown[],
  method: 'all' | 'run',
): unknown[] {
  let cache = sqliteStatements.get(connection);
  if (!cache) sqliteStatements.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    if (cache.size < 1000) cache.set(sql, statement);
  }
  const values = params.map(sqliteValue);
  if (method === 'run') {
    statement.run(values);
    return [];
  }
  return statement.all(values);
}

async function leanExecute(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
  method: 'all' | 'run',
): Promise<unknown[]> {
  if (isSqlite(em)) {
    if (!em.getTransactionContext()) {
      const client = poolClient(em);
      const idle = idleSqliteConnection(client);
      if (idle) return runSqlite(idle, sql, params, method);
      return onRawConnection(em, (raw) => {
        rememberSqliteConnection(client, raw as object);
        return runSqlite(raw as SqliteConnection, sql, params, method);
      });
    }
    return onRawConnection(em, (raw) => runSqlite(raw as SqliteConnection, sql, params, method));
  }
  return onRawConnection(em, async (raw) => {
    const { name, text } = pgStatement(sql);
    const values = params.map((v) => (v === undefined ? null : v));
    const result = await (raw as PgConnection).query(name ? { name, text, values } : { text, values });
    return result.rows;
  });
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
  const pool = poolClient(em);
  const connection = await pool.acquireConnection();
  const tx = takeTransactionManager(em);
  const context: { client: KnexClientLike } = {
    client: { acquireConnection: () => Promise.resolve(connection), releaseConnection: () => Promise.resolve() },
  };
  tx.setTransactionContext(context as never);
  const sqlite = isSqlite(em);
  try {
    // IMMEDIATE: take SQLite's write lock up front, so a group never fails half-way on a busy lock.
    await leanRun(tx, sqlite ? 'begin immediate' : 'begin');
    try {
      const value = await work(tx);
      await leanRun(tx, 'commit');
      return value;
    } catch (error) {
      // After a failed statement or a failed commit: never hand the connection back mid-transaction.
      await leanRun(tx, 'rollback').catch(() => undefined);
      throw error;
    }
  } finally {
    tx.resetTransactionContext();
    giveBackTransactionManager(em, tx);
    await pool.releaseConnection(connection);
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

/** Runs a select (inside the caller's transaction, if any) and returns plain rows. */
export async function leanRows<T = Row>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await leanExecute(em, sql, params, 'all')) as T[];
}

/** Runs a write (inside the caller's transaction, if any). */
export async function leanRun(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<void> {
  await leanExecute(em, sql, params, 'run');
}

/** A date column as stored: epoch milliseconds on SQLite (as the ORM writes them), a Date on PostgreSQL. */
export function toDbDate(em: EntityManager, date: Date): unknown {
  return em.getPlatform().processDateProperty(date);
}

/** A date column as read (SQLite: epoch ms; PostgreSQL: text), hydrated the way the ORM does it. */
export function fromDbDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string | number);
}

/** A boolean column as read (SQLite: 0/1; PostgreSQL: boolean). */
export function fromDbBoolean(value: unknown): boolean {
  return value === true || Number(value) === 1;
}

/** `?, ?, ?` for n parameters. */
export function placeholders(n: number): string {
  return new Array<string>(n).fill('?').join(', ');
}
