import {
  CreateLedgerCheckpointDocument,
  LedgerConsistencyProofDocument,
  LedgerInclusionProofDocument,
  LedgerTreeHeadsDocument,
  LedgerTreeStatusDocument,
} from '@steward/schema';
import { MikroORM } from '@mikro-orm/core';
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_KINDS_RUN } from '../jobs/job-kinds.js';
import { JobRunner, JobStopped } from '../jobs/job-runner.js';
import { enqueueLedgerTreeBuild, ledgerTreeBuildJob } from '../jobs/ledger-tree-build.job.js';
import { ormOptions } from '../mikro-orm.config.js';
import { DATABASES } from '../test/databases.js';
import { hex, referencePath, referenceProof, referenceRoot } from '../test/merkle-reference.js';
import { appendDecisions } from '../test/scenarios.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { treeState } from './ledger-tree.queries.js';
import { LedgerTreeService } from './ledger-tree.service.js';
import { LedgerService } from './ledger.service.js';

// The ledger's Merkle tree against RFC 9162 computed plainly (test/merkle-reference.ts) over the
// stored entry hashes: roots and proofs at many sizes, across a restore's hole, built by appends and
// by the build job (stopped and resumed), and with appends from two instances on one PostgreSQL.

async function sql(a: TestApp, statement: string, params: unknown[] = []) {
  return a.em().getConnection().execute(statement, params);
}

/** The leaf data, in leaf order: every entry's chain hash. */
async function leafData(a: TestApp): Promise<Buffer[]> {
  const rows = (await sql(a, 'select hash from ledger_entry order by sequence')) as { hash: string }[];
  return rows.map((r) => Buffer.from(r.hash, 'hex'));
}

/** Sizes to compare: every one up to 20, then a spread with the powers of two and their neighbours. */
function sizesUpTo(n: number): number[] {
  const sizes = new Set<number>();
  for (let i = 1; i <= Math.min(n, 20); i++) sizes.add(i);
  for (let p = 32; p <= n; p *= 2) for (const s of [p - 1, p, p + 1]) if (s <= n) sizes.add(s);
  for (let s = 21; s <= n; s += 37) sizes.add(s);
  sizes.add(n);
  return [...sizes].sort((a, b) => a - b);
}

/** Every stored root and a spread of proofs equal the reference's over `d`. */
async function expectMatchesReference(a: TestApp, d: readonly Buffer[], sizes = sizesUpTo(d.length)) {
  const tree = new LedgerTreeService(a.em(), a.deps);
  const seqs = (await sql(a, 'select sequence from ledger_entry order by sequence')) as { sequence: number }[];
  for (const n of sizes) {
    expect(await tree.root(n), `root of ${n}`).toBe(referenceRoot(d.slice(0, n)).toString('hex'));
  }
  for (const n of sizes.filter((_, i) => i % 3 === 0)) {
    for (const m of [0, Math.floor(n / 2), n - 1]) {
      const proof = await tree.inclusionProof(Number(seqs[m]!.sequence), n);
      expect(proof.leafIndex).toBe(m);
      expect(proof.auditPath, `path of ${m} in ${n}`).toEqual(hex(referencePath(m, d.slice(0, n))));
    }
    for (const m of [1, Math.ceil(n / 3), n - 1].filter((m) => m >= 1 && m < n)) {
      const proof = await tree.consistencyProof(m, n);
      expect(proof.proof, `proof ${m} → ${n}`).toEqual(hex(referenceProof(m, d.slice(0, n))));
    }
  }
}

describe.each(DATABASES)('the ledger tree on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let viewer: TestClient;
  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    viewer = await app.clientAs('VIEWER');
    // ~300 entries in appends of many sizes (group commits of 1 to 24), across a restore's hole.
    for (let i = 1; i <= 16; i++) await appendDecisions(app, i);
    await new LedgerService(app.em(), app.deps).recordRestoreGap(
      { sequence: 140, hash: 'b'.repeat(64) },
      { manifestHash: 'c'.repeat(64), createdAt: '2026-04-01T08:00:00.000Z' },
    );
    for (let i = 1; i <= 12; i++) await appendDecisions(app, 24 - i);
  }, 60_000);
  afterAll(() => app.close());

  it('keeps roots and proofs equal to RFC 9162 over the entries, the restore’s lost numbers no leaves', async () => {
    const d = await leafData(app);
    expect(d.length).toBeGreaterThan(280);
    const state = await treeState(app.em());
    expect(state).toMatchObject({ treeSize: d.length, treeSequence: state.sequence });
    expect(state.sequence).toBe(d.length + 4); // numbers 137–140 were lost: the numbers jump, the leaves do not
    await expectMatchesReference(app, d);
    // The entry after the hole is the next leaf.
    const proof = (await viewer.ok(LedgerInclusionProofDocument, { input: { sequence: 141 } })).ledgerInclusionProof;
    expect(proof).toMatchObject({ leafIndex: 136, treeSize: d.length, rootHash: referenceRoot(d).toString('hex') });
    expect(proof.entryHash).toBe(d[136]!.toString('hex'));
  });

  it('signs a tree head with each checkpoint, in the fixed format, readable by any member of staff', async () => {
    await owner.ok(CreateLedgerCheckpointDocument);
    const d = await leafData(app);
    const heads = (await viewer.ok(LedgerTreeHeadsDocument, { first: 1 })).ledgerTreeHeads;
    const head = heads.edges[0]!.node;
    expect(heads.totalCount).toBeGreaterThanOrEqual(2); // the restore's and this one
    expect(heads.pageInfo.hasNextPage).toBe(true);
    // The checkpoint's head is version 2: it commits to the provider map (empty here: no entry names a provider).
    expect(head).toMatchObject({
      version: 2,
      treeSize: d.length,
      rootHash: referenceRoot(d).toString('hex'),
      providerMapSize: 0,
      providerMapRoot: referenceRoot([]).toString('hex'),
    });
    expect(head.statement).toBe(
      `steward-tree-head/2\n${d.length}\n${head.rootHash}\n${new Date(head.timestamp).toISOString()}\n0\n${head.providerMapRoot}`,
    );
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(head.publicKey, 'base64').toString('base64url') },
      format: 'jwk',
    });
    expect(verify(null, Buffer.from(head.statement, 'utf8'), key, Buffer.from(head.signature, 'base64'))).toBe(true);
    const next = (await viewer.ok(LedgerTreeHeadsDocument, { first: 5, after: heads.pageInfo.endCursor }))
      .ledgerTreeHeads;
    expect(next.edges[0]!.node.treeSize).toBeLessThan(d.length);
    const consistency = (
      await viewer.ok(LedgerConsistencyProofDocument, {
        input: { fromSize: next.edges[0]!.node.treeSize, toSize: d.length },
      })
    ).ledgerConsistencyProof;
    expect(consistency.fromRoot).toBe(next.edges[0]!.node.rootHash);
    expect(consistency.toRoot).toBe(head.rootHash);
  });

  it('refuses bad input with a code naming the field, and changes nothing', async () => {
    const size = (await treeState(app.em())).treeSize;
    const inclusion = async (input: { sequence: number; treeSize?: number }) =>
      errorOf(await viewer.request(LedgerInclusionProofDocument, { input }));
    const consistency = async (fromSize: number, toSize: number) =>
      errorOf(await viewer.request(LedgerConsistencyProofDocument, { input: { fromSize, toSize } }));
    expect(await inclusion({ sequence: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sequence' });
    expect(await inclusion({ sequence: 99_999 })).toMatchObject({ code: 'NOT_FOUND', field: 'input.sequence' });
    expect(await inclusion({ sequence: 138 })).toMatchObject({ code: 'NOT_FOUND', field: 'input.sequence' }); // lost
    expect(await inclusion({ sequence: 5, treeSize: size + 1 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.treeSize',
    });
    expect(await inclusion({ sequence: 5, treeSize: 4 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.treeSize',
    });
    expect(await inclusion({ sequence: 5, treeSize: -3 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.treeSize',
    });
    expect(await consistency(0, 5)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fromSize' });
    expect(await consistency(6, 5)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toSize' });
    expect(await consistency(1, size + 1)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toSize' });
    expect(errorOf(await viewer.request(LedgerTreeHeadsDocument, { first: 0 })).code).toBe('BAD_USER_INPUT');
    expect((await treeState(app.em())).treeSize).toBe(size);
  });

  it('is rebuilt by the job, identically, resuming after a stop; appends meanwhile wait for it', async () => {
    const before = await leafData(app);
    const heads = await sql(app, 'select tree_size, root_hash from ledger_tree_head order by tree_size');
    // A ledger from before the tree: no nodes, no heads, the tree at zero.
    await sql(app, 'delete from ledger_tree_node');
    await sql(app, 'delete from ledger_tree_head');
    await sql(app, 'delete from ledger_provider_state');
    await sql(app, 'update ledger_head set tree_size = 0, tree_sequence = 0 where id = 1');
    await appendDecisions(app, 3); // while the tree lags: no leaves
    expect((await treeState(app.em())).treeSize).toBe(0);
    const status = (await owner.ok(LedgerTreeStatusDocument)).ledgerStatus;
    expect(status.treeLag).toBe(status.headSequence);
    expect(errorOf(await viewer.request(LedgerInclusionProofDocument, { input: { sequence: 5 } })).code).toBe(
      'LEDGER_TREE_BUILDING',
    );
    expect(
      errorOf(await viewer.request(LedgerConsistencyProofDocument, { input: { fromSize: 1, toSize: 2 } })).code,
    ).toBe('LEDGER_TREE_BUILDING');

    // Stopped after its third batch of 40 (as a runner stopping does, at a progress report).
    let reports = 0;
    const stopped = ledgerTreeBuildJob.run({
      id: 'job',
      payload: { batchSize: 40 },
      attempt: 1,
      em: app.em(),
      deps: app.deps,
      signal: new AbortController().signal,
      progress: async () => {
        if (++reports === 3) throw new JobStopped();
      },
    });
    await expect(stopped).rejects.toBeInstanceOf(JobStopped);
    const partway = await treeState(app.em());
    expect(partway.treeSize).toBe(120);
    // Sizes it covers are answered already; beyond them, LEDGER_TREE_BUILDING.
    const early = (await viewer.ok(LedgerConsistencyProofDocument, { input: { fromSize: 50, toSize: 120 } }))
      .ledgerConsistencyProof;
    expect(early.toRoot).toBe(referenceRoot(before.slice(0, 120)).toString('hex'));
    await appendDecisions(app, 2);

    // The server's start enqueues it; a runner finishes it from where it stopped.
    expect(
      await enqueueLedgerTreeBuild(app.orm, new JobRunner(app.orm, app.deps, { kinds: JOB_KINDS_RUN }), app.deps),
    ).not.toBeNull();
    expect(await new JobRunner(app.orm, app.deps, { kinds: JOB_KINDS_RUN }).tick()).toBe(1);
    const d = await leafData(app);
    const state = await treeState(app.em());
    expect(state).toMatchObject({ treeSize: d.length, treeSequence: state.sequence });
    await expectMatchesReference(app, d);
    // The same roots as before at the sizes signed then; the job signed the caught-up head.
    for (const h of heads as { tree_size: number; root_hash: string }[])
      expect(await new LedgerTreeService(app.em(), app.deps).root(Number(h.tree_size))).toBe(h.root_hash);
    expect((await viewer.ok(LedgerTreeHeadsDocument, { first: 1 })).ledgerTreeHeads.edges[0]!.node.treeSize).toBe(
      d.length,
    );
    // Caught up: appends make leaves again.
    await appendDecisions(app, 2);
    expect((await treeState(app.em())).treeSize).toBe(d.length + 2);
    expect((await owner.ok(LedgerTreeStatusDocument)).ledgerStatus.treeLag).toBe(0);
  });

  it.runIf(database === 'postgresql')(
    'keeps one tree when a second instance appends to the same database',
    async () => {
      // A second process's ORM and pool on the same database: its appends queue on the same head row.
      const orm = await MikroORM.init(ormOptions({ kind: 'postgresql', url: app.deps.config.databaseUrl! }));
      const other = { ...app, em: () => orm.em.fork() } as TestApp;
      try {
        const start = (await treeState(app.em())).treeSize;
        await Promise.all(Array.from({ length: 30 }, (_, i) => appendDecisions(i % 2 ? app : other, 1 + (i % 5))));
        const d = await leafData(other);
        expect(d.length).toBe(start + 90);
        expect(await treeState(other.em())).toMatchObject({ treeSize: d.length });
        await expectMatchesReference(other, d, [1, 2, d.length - 91, d.length - 1, d.length]);
      } finally {
        await orm.close(true);
      }
    },
  );
});
