import type { EntityManager } from '@mikro-orm/core';
import { OperatorError } from '../operator-error.js';

// The one file that knows how MikroORM's knex client and its tarn pool hand out raw driver
// connections. Lean SQL (lean-sql.ts) needs only what `DriverPool` offers; if a MikroORM or knex
// upgrade changes these internals, `checkDriverPool` (run at start-up) says so instead of the hot
// paths failing later.

/** What the SQLite driver (libsql, better-sqlite3 compatible) offers on a raw connection. */
export interface SqliteConnection {
  prepare(sql: string): { all(params: unknown[]): unknown[]; run(params: unknown[]): unknown };
}
/** What node-postgres offers on a raw connection. */
export interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Raw connections of one ORM connection pool, or of the caller's transaction. */
export interface DriverPool {
  acquire(): Promise<unknown>;
  release(connection: unknown): Promise<void>;
  /**
   * SQLite only: a connection nobody holds, or null. The SQLite driver is synchronous, so a
   * statement run on a connection while the pool has none in use cannot interleave with anyone's
   * transaction (every transaction, the ORM's and ours, holds its connection until it ends): it
   * reads exactly what an acquired connection would, without the pool's acquire and release, which
   * cost more than a small indexed read (DESIGN.md §5). Only a connection this pool handed out
   * (`remember`) and has not destroyed since qualifies.
   */
  idle(): unknown;
  /** Marks `connection` (just acquired from this pool) as the one `idle` may return. */
  remember(connection: unknown): void;
}

/** The public counters and events of knex's (tarn) pool. */
interface TarnPool {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  on(event: 'destroySuccess', listener: (eventId: number, resource: unknown) => void): void;
}
interface KnexClient {
  pool?: TarnPool;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
  acquireRawConnection?(): Promise<unknown>;
  destroyRawConnection?(connection: unknown): Promise<unknown>;
}

/** What node-postgres offers on a connection that listens for notifications (LISTEN). */
export interface PgListenConnection extends PgConnection {
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: (err?: unknown) => void): void;
}

/**
 * PostgreSQL: a connection of its own, outside the pool, with the pool's settings (for LISTEN,
 * which holds its connection for the life of the process), and the function that closes it.
 */
export async function dedicatedPgConnection(
  em: EntityManager,
): Promise<{ connection: PgListenConnection; close(): Promise<void> }> {
  const client = knexClient(em);
  if (typeof client.acquireRawConnection !== 'function' || typeof client.destroyRawConnection !== 'function')
    throw new Error('knex no longer offers acquireRawConnection/destroyRawConnection (common/sql/driver-pool.ts)');
  const connection = (await client.acquireRawConnection()) as PgListenConnection;
  return { connection, close: async () => void (await client.destroyRawConnection!(connection)) };
}

const pools = new WeakMap<object, DriverPool>();

function knexClient(em: EntityManager): KnexClient {
  const connection = em.getConnection() as unknown as { getKnex?: () => { client?: KnexClient } };
  const client = typeof connection.getKnex === 'function' ? connection.getKnex().client : undefined;
  if (!client || typeof client.acquireConnection !== 'function' || typeof client.releaseConnection !== 'function')
    throw new OperatorError(
      'Lean SQL cannot reach the ORM connection pool: MikroORM/knex no longer offer getConnection().getKnex().client' +
        ' with acquireConnection/releaseConnection (common/sql/driver-pool.ts must follow the upgrade)',
    );
  return client;
}

/** The pool of raw connections behind `em`'s ORM connection (one per ORM, made once). */
export function driverPool(em: EntityManager): DriverPool {
  const key = em.getConnection();
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = tarnDriverPool(knexClient(em))));
  return pool;
}

function tarnDriverPool(client: KnexClient): DriverPool {
  let known: unknown = null;
  let listening = false;
  return {
    acquire: () => client.acquireConnection(),
    release: async (connection) => {
      await client.releaseConnection(connection);
    },
    idle() {
      const pool = client.pool;
      if (known === null || !pool || pool.numUsed() !== 0 || pool.numPendingAcquires() !== 0) return null;
      return pool.numPendingCreates() === 0 ? known : null;
    },
    remember(connection) {
      if (!listening && client.pool) {
        listening = true;
        client.pool.on('destroySuccess', (_eventId, resource) => {
          if (resource === known) known = null;
        });
      }
      known = connection;
    },
  };
}

/** A transaction context (the ORM's knex transaction, or a lean transaction's) that hands out its one connection. */
interface TransactionContext {
  client: Pick<KnexClient, 'acquireConnection'>;
}

/** The connection of the transaction `em` runs in, or null outside a transaction. */
export function transactionConnection(em: EntityManager): Promise<unknown> | null {
  const trx = em.getTransactionContext<TransactionContext>();
  return trx ? trx.client.acquireConnection() : null;
}

/** A transaction context for `em.setTransactionContext` whose statements run on `connection` (a lean transaction's). */
export function leanTransactionContext(connection: unknown): TransactionContext {
  return { client: { acquireConnection: () => Promise.resolve(connection) } };
}

/**
 * Fails loudly when the ORM's pool no longer looks the way `driverPool` relies on (run at start-up
 * and by the adapter's tests): the knex client with acquire/release, and on SQLite tarn's counters
 * and its `destroySuccess` event.
 */
export async function checkDriverPool(em: EntityManager, sqlite: boolean): Promise<void> {
  const client = knexClient(em);
  const problems: string[] = [];
  if (sqlite) {
    const pool = client.pool as Partial<TarnPool> | undefined;
    for (const method of ['numUsed', 'numPendingAcquires', 'numPendingCreates', 'on'] as const)
      if (typeof pool?.[method] !== 'function') problems.push(`pool.${method}()`);
  }
  const connection = await client.acquireConnection();
  try {
    if (sqlite && typeof (connection as Partial<SqliteConnection>).prepare !== 'function')
      problems.push('connection.prepare()');
    if (!sqlite && typeof (connection as Partial<PgConnection>).query !== 'function')
      problems.push('connection.query()');
  } finally {
    await client.releaseConnection(connection);
  }
  if (problems.length)
    throw new OperatorError(
      `Lean SQL relies on knex/tarn internals that changed (missing: ${problems.join(', ')}); ` +
        'common/sql/driver-pool.ts must follow the MikroORM/knex upgrade',
    );
}

/** How many of the pool's connections are in use, idle, and waited for (metrics), or null where knex keeps no pool. */
export function driverPoolStats(em: EntityManager): { used: number; free: number; pending: number } | null {
  let pool: Partial<TarnPool & { numFree(): number }> | undefined;
  try {
    pool = knexClient(em).pool as Partial<TarnPool & { numFree(): number }> | undefined;
  } catch {
    return null;
  }
  if (typeof pool?.numUsed !== 'function' || typeof pool.numFree !== 'function') return null;
  return {
    used: pool.numUsed(),
    free: pool.numFree(),
    pending: typeof pool.numPendingAcquires === 'function' ? pool.numPendingAcquires() : 0,
  };
}
