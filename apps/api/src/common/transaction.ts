import type { EntityManager, TransactionOptions } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Actor, AppDeps } from '../context.js';

/**
 * The one home of the ORM's transactions (ESLint refuses `.transactional(` anywhere else): runs
 * `work` in a transaction on a fork of `em` (its own unit of work, flushed and committed when `work`
 * resolves, rolled back when it throws). The hot paths' lean-SQL transactions are
 * `leanTransaction` in `common/sql/lean-sql.ts`. `options` for the rare transaction that needs more
 * (a backup's read-only, repeatable-read snapshot).
 */
export function inTransaction<E extends EntityManager, T>(
  em: E,
  work: (tx: E) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  return em.transactional(work, options);
}

/**
 * What a service of the screens holds: the request's EntityManager, who acts and the process's
 * dependencies. `services(ctx)` (services.ts) makes one of each per request; a write path runs in
 * `this.inTransaction((tx) => tx.write…(…))`, where `tx` is the same service bound to the
 * transaction's EntityManager. A service keeps no other state, so the copy is a whole service.
 */
export abstract class Service<A extends Actor | null = Actor | null> {
  constructor(
    protected readonly em: SqlEntityManager,
    protected readonly actor: A,
    protected readonly deps: AppDeps,
  ) {}

  /** Runs `work` in one transaction with this service bound to the transaction's EntityManager. */
  protected inTransaction<T>(work: (tx: this) => Promise<T>): Promise<T> {
    return inTransaction(this.em, (em) =>
      work(Object.assign(Object.create(Object.getPrototypeOf(this)), this, { em })),
    );
  }
}
