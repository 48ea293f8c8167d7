import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import type { Context } from './context.js';
import { withLazyEm } from './request-context.js';

function fakeOrm() {
  let forks = 0;
  const orm = { em: { fork: () => ({ fork: ++forks }) as unknown as EntityManager } } as unknown as Pick<
    MikroORM,
    'em'
  >;
  return { orm, forks: () => forks };
}

const fields = { actor: null, partner: null, system: null, crossOrigin: false } as unknown as Omit<Context, 'em'>;
/** What Apollo Server does with a context before each operation (ApolloServer.js, cloneObject). */
const asApolloCopies = <T extends object>(o: T): T =>
  Object.assign(Object.create(Object.getPrototypeOf(o) as object) as T, o);

describe('request context', () => {
  it('forks no EntityManager for a request that never uses one, even once Apollo copied the context', () => {
    const { orm, forks } = fakeOrm();
    const ctx = withLazyEm(orm, fields);
    const copy = asApolloCopies(ctx);
    expect(copy.actor).toBeNull();
    expect(forks()).toBe(0);
  });

  it('forks once on first use, shared by the context and its copies', () => {
    const { orm, forks } = fakeOrm();
    const ctx = withLazyEm(orm, fields);
    const copy = asApolloCopies(ctx);
    expect(copy.em).toBe(ctx.em);
    expect(asApolloCopies(copy).em).toBe(ctx.em);
    expect(forks()).toBe(1);
  });

  it('gives every request its own fork', () => {
    const { orm } = fakeOrm();
    expect(withLazyEm(orm, fields).em).not.toBe(withLazyEm(orm, fields).em);
  });
});
