import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { Context } from './context.js';

/**
 * A request's context with `em` forked on first use (the hot paths never use it: they run lean SQL
 * on `db`). The getter lives on the context's prototype: Apollo copies a context's own properties
 * for each operation it runs, which would call an own getter, and fork, every time; the copy keeps
 * the prototype, so it shares this one fork.
 */
export function withLazyEm(orm: Pick<MikroORM, 'em'>, fields: Omit<Context, 'em'>): Context {
  let em: EntityManager | undefined;
  const lazy = Object.create(null, { em: { get: () => (em ??= orm.em.fork()), enumerable: false } }) as { em: EntityManager };
  return Object.assign(Object.create(lazy) as Context, fields);
}
