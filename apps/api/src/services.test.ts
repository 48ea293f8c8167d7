import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { describe, expect, it } from 'vitest';
import { UnauthenticatedError } from './common/errors.js';
import { Service } from './common/transaction.js';
import type { Actor, AppDeps, Context } from './context.js';
import { withLazyEm } from './request-context.js';
import { services } from './services.js';

function fakeOrm() {
  let forks = 0;
  const orm = { em: { fork: () => ({ fork: ++forks }) as unknown as SqlEntityManager } } as unknown as Pick<
    MikroORM,
    'em'
  >;
  return { orm, forks: () => forks };
}

const actor = { userId: 'u', email: 'a@example.org', displayName: 'A', role: 'OWNER' } as Actor;
const context = (orm: Pick<MikroORM, 'em'>, who: Actor | null = actor) =>
  withLazyEm(orm, { actor: who, partner: null, system: null, db: {}, deps: {} } as unknown as Omit<Context, 'em'>);

describe('services(ctx)', () => {
  it('makes each service once per context, on first use', () => {
    const { orm, forks } = fakeOrm();
    const ctx = context(orm);
    expect(forks()).toBe(0);
    const first = services(ctx).provider;
    expect(services(ctx).provider).toBe(first);
    expect(services(ctx).policy).not.toBe(first);
    expect(forks()).toBe(1);
  });

  it('gives another context its own services', () => {
    const { orm } = fakeOrm();
    expect(services(context(orm)).provider).not.toBe(services(context(orm)).provider);
  });

  it('makes the hot paths’ services without forking an EntityManager', () => {
    const { orm, forks } = fakeOrm();
    const ctx = context(orm);
    expect(services(ctx).decision).toBeDefined();
    expect(forks()).toBe(0);
  });

  it('asks for the caller when a service that needs one is first used, and keeps nothing when refused', () => {
    const { orm } = fakeOrm();
    const ctx = context(orm, null);
    expect(() => services(ctx).collection).toThrow(UnauthenticatedError);
    expect(() => services(ctx).collection).toThrow(UnauthenticatedError);
  });
});

class Probe extends Service {
  run() {
    return this.inTransaction(async (tx) => ({ tx, em: tx.em, actor: tx.actor, deps: tx.deps }));
  }
  get manager() {
    return this.em;
  }
}

describe('Service.inTransaction', () => {
  it("runs the work with the same service bound to the transaction's EntityManager", async () => {
    const txEm = { tx: true } as unknown as SqlEntityManager;
    const em = {
      transactional: (work: (tx: SqlEntityManager) => unknown) => work(txEm),
    } as unknown as SqlEntityManager;
    const deps = {} as AppDeps;
    const probe = new Probe(em, actor, deps);
    const { tx, em: bound, actor: who, deps: same } = await probe.run();
    expect(tx).toBeInstanceOf(Probe);
    expect(tx).not.toBe(probe);
    expect(bound).toBe(txEm);
    expect(who).toBe(actor);
    expect(same).toBe(deps);
    expect(probe.manager).toBe(em);
  });
});
