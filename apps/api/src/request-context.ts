import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Context } from './context.js';

/**
 * `em`, forked on first use (the hot paths never use it: they run lean SQL on `db`). The getter is
 * on the prototype and the fork is kept in an object the context points to: Apollo copies a
 * context's own properties for each operation it runs, which would call an own getter (and fork)
 * every time; its copy keeps the prototype and the pointer, so it shares the one fork.
 */
class LazyEntityManager {
  protected readonly lazyEm: { orm: Pick<MikroORM, 'em'>; forked?: SqlEntityManager };

  constructor(orm: Pick<MikroORM, 'em'>) {
    this.lazyEm = { orm };
  }

  get em(): SqlEntityManager {
    // Both drivers Steward uses are SQL drivers (mikro-orm.config.ts): the one place this is asserted.
    return (this.lazyEm.forked ??= this.lazyEm.orm.em.fork() as SqlEntityManager);
  }
}

/** A request's context whose `em` is forked only if something uses it. */
export function withLazyEm(orm: Pick<MikroORM, 'em'>, fields: Omit<Context, 'em'>): Context {
  return Object.assign(new LazyEntityManager(orm), fields) as unknown as Context;
}
