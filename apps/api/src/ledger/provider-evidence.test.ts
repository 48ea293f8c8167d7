import {
  CreateLedgerCheckpointDocument,
  LedgerProviderEvidenceDocument,
  LedgerTreeHeadsDocument,
} from '@steward/schema';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStopped } from '../jobs/job-runner.js';
import { ledgerTreeBuildJob } from '../jobs/ledger-tree-build.job.js';
import { inTransaction } from '../common/transaction.js';
import { DATABASES } from '../test/databases.js';
import { hex, referencePath, referenceProof, referenceRoot } from '../test/merkle-reference.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { entryHash, restoreStatement, treeHeadStatement, treeHeadStatementOf } from './ledger-hash.js';
import { treeState } from './ledger-tree.queries.js';
import { LedgerService, type LedgerFact } from './ledger.service.js';
import { nodeHash } from './merkle-tree.js';
import type { EvidencePackage, ProviderMapLeaf, SignedTreeHead } from '@steward/policy-core';

// The provider map and evidence packages (issue 19) checked the way an outside verifier would: the
// per-provider state against a plain recomputation over the entries, v2 heads' signatures, every
// proof of a package by RFC 9162's verification algorithms written out here, and the chain over the
// package's entries against the map leaf.

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const id = (c: string) => `${c}0000000-0000-4000-8000-000000000000`;
/** Providers named by entries, in map order; ids between and around them name none. */
const PROVIDERS = ['2', '4', '6', '8', 'a', 'c'].map(id);

async function sql<T = Record<string, unknown>>(a: TestApp, statement: string): Promise<T[]> {
  return a.em().getConnection().execute(statement);
}

/** `count` entries, one append (one group commit's worth): most name a provider, every seventh none. */
async function append(a: TestApp, count: number, offset = 0): Promise<void> {
  const facts: LedgerFact[] = Array.from({ length: count }, (_, i) => ({
    kind: 'DECISION',
    actor: 'system:test',
    providerId: (i + offset) % 7 === 6 ? null : PROVIDERS[((i + offset) * 5) % PROVIDERS.length]!,
    categories: ['NAME'],
    outcome: 'ALLOWED',
    policyVersion: 1,
    payloadHash: 'f'.repeat(64),
  }));
  await inTransaction(a.em(), (em) => new LedgerService(em, a.deps).append(facts));
}

/** Every provider's state computed plainly from the entries up to `upTo`. */
async function recomputedStates(a: TestApp, upTo = Number.MAX_SAFE_INTEGER) {
  const rows = await sql<{ sequence: number; hash: string; provider_id: string | null }>(
    a,
    'select sequence, hash, provider_id from ledger_entry order by sequence',
  );
  const states = new Map<string, { entry_count: number; chain_hash: string; last_sequence: number }>();
  for (const row of rows) {
    if (!row.provider_id || Number(row.sequence) > upTo) continue;
    const s = states.get(row.provider_id) ?? { entry_count: 0, chain_hash: '0'.repeat(64), last_sequence: 0 };
    states.set(row.provider_id, {
      entry_count: s.entry_count + 1,
      chain_hash: sha(`${s.chain_hash}\n${row.hash}`),
      last_sequence: Number(row.sequence),
    });
  }
  return [...states]
    .map(([provider_id, s]) => ({ provider_id, ...s }))
    .sort((x, y) => (x.provider_id < y.provider_id ? -1 : 1));
}

async function storedStates(a: TestApp) {
  const rows = await sql<{ provider_id: string; entry_count: number; chain_hash: string; last_sequence: number }>(
    a,
    'select provider_id, entry_count, chain_hash, last_sequence from ledger_provider_state order by provider_id',
  );
  return rows.map((r) => ({ ...r, entry_count: Number(r.entry_count), last_sequence: Number(r.last_sequence) }));
}

async function leafData(a: TestApp): Promise<Buffer[]> {
  const rows = await sql<{ hash: string }>(a, 'select hash from ledger_entry order by sequence');
  return rows.map((r) => Buffer.from(r.hash, 'hex'));
}

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to, or null when it cannot be one. */
function rootFromInclusion(index: number, size: number, leaf: string, path: readonly string[]): string | null {
  if (index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn !== 0 && fn % 2 === 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else r = nodeHash(r, p);
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 ? r : null;
}

const leafOfHex = (entryHashHex: string) =>
  createHash('sha256')
    .update(Buffer.from([0]))
    .update(Buffer.from(entryHashHex, 'hex'))
    .digest('hex');
const mapLeafHash = (l: Omit<ProviderMapLeaf, 'mapLeafIndex' | 'mapProof'>) =>
  createHash('sha256')
    .update(Buffer.from([0]))
    .update(`steward-provider-map/1\n${l.providerId}\n${l.entryCount}\n${l.chainHash}\n${l.lastSequence}`, 'utf8')
    .digest('hex');

function headVerifies(head: SignedTreeHead, publicKey: string): boolean {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') },
    format: 'jwk',
  });
  const { signature, ...unsigned } = head;
  return verify(null, Buffer.from(treeHeadStatementOf(unsigned), 'utf8'), key, Buffer.from(signature, 'base64'));
}

const chainOver = (entries: readonly { hash: string }[]) =>
  entries.reduce((chain, e) => sha(`${chain}\n${e.hash}`), '0'.repeat(64));

describe.each(DATABASES)('provider map and evidence packages on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let viewer: TestClient;
  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    viewer = await app.clientAs('VIEWER');
    // 1,010 entries in 14 group commits of 1 to 139 entries: the 1,000th signs a v1 head inside its append.
    let done = 0;
    for (const size of [1, 2, 3, 17, 40, 139, 98, 120, 135, 100, 130, 110, 105, 10]) {
      await append(app, size, done);
      done += size;
    }
    expect(done).toBe(1010);
  }, 120_000);
  afterAll(() => app.close());

  async function evidence(client: TestClient, providerId: string, earlierHead?: SignedTreeHead | string) {
    const input = {
      providerId,
      earlierHead:
        earlierHead === undefined ? null : typeof earlierHead === 'string' ? earlierHead : JSON.stringify(earlierHead),
    };
    const result = (await client.ok(LedgerProviderEvidenceDocument, { input })).ledgerProviderEvidence;
    return { result, pkg: JSON.parse(result.evidence) as EvidencePackage };
  }

  /** The v1 head the append signed at its 1,000th entry, as the provider kept it. */
  async function v1Head(): Promise<SignedTreeHead> {
    const heads = (await viewer.ok(LedgerTreeHeadsDocument, { first: 10 })).ledgerTreeHeads.edges.map((e) => e.node);
    const head = heads.find((h) => h.treeSize === 1000)!;
    expect(head.version).toBe(1);
    return {
      version: 1,
      treeSize: 1000,
      rootHash: head.rootHash,
      timestamp: new Date(head.timestamp).toISOString(),
      providerMapRoot: '-',
      signature: head.signature,
    };
  }

  it('keeps each provider’s state equal to a recomputation over the entries, across group commits', async () => {
    const stored = await storedStates(app);
    expect(stored.map((s) => s.provider_id)).toEqual(PROVIDERS);
    expect(stored).toEqual(await recomputedStates(app));
    expect(stored.reduce((n, s) => n + s.entry_count, 0)).toBe(1010 - 144); // every seventh names none
  });

  it('signs v2 heads on checkpoints (the append’s stay v1), whose statement treeHeadStatementOf builds', async () => {
    const before = await v1Head();
    expect(headVerifies(before, app.deps.cipher.checkpointPublicKeyRaw)).toBe(true);
    await owner.ok(CreateLedgerCheckpointDocument);
    const heads = (await viewer.ok(LedgerTreeHeadsDocument, { first: 2 })).ledgerTreeHeads.edges.map((e) => e.node);
    expect(heads.map((h) => [h.treeSize, h.version, h.providerMapSize])).toEqual([
      [1010, 2, PROVIDERS.length],
      [1000, 1, null],
    ]);
    const head: SignedTreeHead = {
      version: 2,
      treeSize: heads[0]!.treeSize,
      rootHash: heads[0]!.rootHash,
      timestamp: new Date(heads[0]!.timestamp).toISOString(),
      providerMapSize: heads[0]!.providerMapSize!,
      providerMapRoot: heads[0]!.providerMapRoot!,
      signature: heads[0]!.signature,
    };
    expect(heads[0]!.statement).toBe(treeHeadStatementOf(head));
    expect(heads[0]!.statement.split('\n')[0]).toBe('steward-tree-head/2');
    expect(headVerifies(head, heads[0]!.publicKey)).toBe(true);
    expect(heads[1]!.statement).toBe(treeHeadStatementOf(before));
  });

  it('gives every entry about a provider with a valid inclusion proof, and proves they are all', async () => {
    const providerId = PROVIDERS[2]!;
    const { result, pkg } = await evidence(officer, providerId.toUpperCase());
    const d = await leafData(app);
    expect(pkg.format).toBe('steward-evidence/1');
    expect(pkg.providerId).toBe(providerId);
    // Nothing appended since the checkpoint: its head is reused.
    expect(pkg.head).toMatchObject({ version: 2, treeSize: d.length, rootHash: referenceRoot(d).toString('hex') });
    expect(headVerifies(pkg.head, pkg.publicKey)).toBe(true);
    const expected = await sql<{ sequence: number }>(
      app,
      `select sequence from ledger_entry where provider_id = '${providerId}' order by sequence`,
    );
    expect(pkg.entries.map((e) => e.content.sequence)).toEqual(expected.map((r) => Number(r.sequence)));
    for (const e of pkg.entries) {
      const content = { ...e.content, recordedAt: new Date(e.content.recordedAt as string) };
      expect(entryHash(e.prevHash, content as never)).toBe(e.hash);
      expect(rootFromInclusion(e.leafIndex, pkg.head.treeSize, leafOfHex(e.hash), e.inclusionProof)).toBe(
        pkg.head.rootHash,
      );
    }
    expect(pkg.entries[3]!.inclusionProof).toEqual(hex(referencePath(pkg.entries[3]!.leafIndex, d)));

    const present = pkg.completeness.present!;
    expect(pkg.completeness.absent).toBeNull();
    expect(present).toMatchObject({
      mapLeafIndex: 2,
      entryCount: pkg.entries.length,
      chainHash: chainOver(pkg.entries),
      lastSequence: pkg.entries[pkg.entries.length - 1]!.content.sequence,
    });
    const leaf = mapLeafHash({ providerId, ...present });
    expect(rootFromInclusion(present.mapLeafIndex, pkg.head.providerMapSize!, leaf, present.mapProof)).toBe(
      pkg.head.providerMapRoot,
    );
    // Leaving one entry out (or swapping two) changes the chain: the package no longer matches the map.
    expect(chainOver(pkg.entries.filter((_, i) => i !== 5))).not.toBe(present.chainHash);
    const swapped = [...pkg.entries];
    [swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!];
    expect(chainOver(swapped)).not.toBe(present.chainHash);
    expect(result).toMatchObject({
      providerId,
      treeSize: d.length,
      providerMapSize: PROVIDERS.length,
      entryCount: pkg.entries.length,
      earlierHeadConsistent: null,
      restoreCount: 0,
    });
    // A read of the provider's data, audited as one.
    const audits = await sql<{ subject: string }>(
      app,
      `select subject from audit_entry where action = 'provider.read' and subject = '${providerId}'`,
    );
    expect(audits).toHaveLength(1);
  });

  it('brackets a provider no entry names with its neighbours in the map, or the map’s edge', async () => {
    const size = PROVIDERS.length;
    const check = (n: ProviderMapLeaf | null, pkg: EvidencePackage) => {
      if (!n) return;
      expect(n.providerId).toBe(PROVIDERS[n.mapLeafIndex]);
      expect(rootFromInclusion(n.mapLeafIndex, size, mapLeafHash(n), n.mapProof)).toBe(pkg.head.providerMapRoot);
    };
    for (const [absent, left, right] of [
      [id('5'), 1, 2],
      [id('1'), null, 0],
      [id('f'), size - 1, null],
    ] as const) {
      const { pkg, result } = await evidence(owner, absent);
      expect(result.entryCount).toBe(0);
      expect(pkg.entries).toEqual([]);
      expect(pkg.completeness.present).toBeNull();
      const { left: l, right: r } = pkg.completeness.absent!;
      expect([l?.mapLeafIndex ?? null, r?.mapLeafIndex ?? null]).toEqual([left, right]);
      check(l, pkg);
      check(r, pkg);
    }
  });

  it('proves the tree only grew since an earlier v1 head, signing a new v2 head after appends', async () => {
    await append(app, 25);
    const earlier = await v1Head();
    const { result, pkg } = await evidence(owner, PROVIDERS[0]!, earlier);
    const d = await leafData(app);
    expect(pkg.head).toMatchObject({ version: 2, treeSize: d.length });
    expect(headVerifies(pkg.head, pkg.publicKey)).toBe(true);
    expect(pkg.earlierHead).toEqual(earlier);
    expect(pkg.consistencyProof).toEqual(hex(referenceProof(1000, d)));
    expect(pkg.restores).toEqual([]);
    expect(result.earlierHeadConsistent).toBe(true);
    // Signed once for that size: the stored head is the package's.
    const heads = (await viewer.ok(LedgerTreeHeadsDocument, { first: 1 })).ledgerTreeHeads.edges;
    expect(heads[0]!.node).toMatchObject({ treeSize: d.length, version: 2, signature: pkg.head.signature });
  });

  it('refuses an earlier head not signed by the ledger’s key, malformed, or larger than the tree, changing nothing', async () => {
    const earlier = await v1Head();
    const heads = await sql(app, 'select count(*) as n from ledger_tree_head');
    const refused = async (head: SignedTreeHead | string) =>
      errorOf(
        await officer.request(LedgerProviderEvidenceDocument, {
          input: { providerId: PROVIDERS[0]!, earlierHead: typeof head === 'string' ? head : JSON.stringify(head) },
        }),
      );
    const forged = { ...earlier, rootHash: earlier.rootHash.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    for (const head of [forged, { ...earlier, treeSize: 999 }, '{"treeSize": 3', 'null', { ...earlier, version: 3 }])
      expect(await refused(head as SignedTreeHead)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.earlierHead',
      });
    // Signed with the ledger's key but larger than the tree, with no restore to explain it.
    const size = (await treeState(app.em())).treeSize + 10;
    const timestamp = '2026-01-01T00:00:00.000Z';
    const larger: SignedTreeHead = {
      version: 1,
      treeSize: size,
      rootHash: 'ab'.repeat(32),
      timestamp,
      providerMapRoot: '-',
      signature: app.deps.cipher.signCheckpoint(treeHeadStatement(size, 'ab'.repeat(32), new Date(timestamp))),
    };
    await append(app, 1); // a refusal signs no head for the new size
    expect(await refused(larger)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.earlierHead' });
    expect(
      errorOf(await officer.request(LedgerProviderEvidenceDocument, { input: { providerId: 'not-an-id' } })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providerId' });
    expect(
      errorOf(await viewer.request(LedgerProviderEvidenceDocument, { input: { providerId: PROVIDERS[0]! } })).code,
    ).toBe('FORBIDDEN');
    expect(await sql(app, 'select count(*) as n from ledger_tree_head')).toEqual(heads);
  });

  it('shows the signed RESTORE entries when an earlier head is not a prefix of the restored tree', async () => {
    const state = await treeState(app.em());
    // A head from before a restore: it covered entries the restored ledger no longer has.
    const timestamp = '2026-01-01T00:00:00.000Z';
    const lost = {
      version: 1 as const,
      treeSize: state.treeSize + 5,
      rootHash: 'cd'.repeat(32),
      timestamp,
      providerMapRoot: '-',
    };
    const earlier = { ...lost, signature: app.deps.cipher.signCheckpoint(treeHeadStatementOf(lost)) };
    const gap = await new LedgerService(app.em(), app.deps).recordRestoreGap(
      { sequence: state.sequence + 5, hash: 'b'.repeat(64) },
      { manifestHash: 'c'.repeat(64), createdAt: '2026-03-01T08:00:00.000Z' },
    );
    await append(app, 3);
    const { result, pkg } = await evidence(owner, PROVIDERS[1]!, earlier);
    expect(result).toMatchObject({ earlierHeadConsistent: false, restoreCount: 1 });
    expect(pkg.consistencyProof).toBeNull();
    const [restore] = pkg.restores;
    expect(restore).toMatchObject({ lostFrom: gap!.from, lostTo: gap!.to, manifestHash: 'c'.repeat(64) });
    expect(restore!.entry.content).toMatchObject({ kind: 'RESTORE', sequence: gap!.sequence });
    expect(
      rootFromInclusion(
        restore!.entry.leafIndex,
        pkg.head.treeSize,
        leafOfHex(restore!.entry.hash),
        restore!.entry.inclusionProof,
      ),
    ).toBe(pkg.head.rootHash);
    const statement = restoreStatement({
      sequence: gap!.sequence,
      hash: restore!.entry.hash,
      lostFrom: restore!.lostFrom,
      lostTo: restore!.lostTo,
      anchor: restore!.anchor,
      manifestHash: restore!.manifestHash,
    });
    expect(app.deps.cipher.verifyCheckpoint(statement, restore!.restoreSignature)).toBe(true);
  });

  /** The build job in batches of 300; `progress` may stop it (as a runner does, at a report). */
  const build = (progress: () => Promise<void>) =>
    ledgerTreeBuildJob.run({
      id: 'job',
      payload: { batchSize: 300 },
      attempt: 1,
      em: app.em(),
      deps: app.deps,
      signal: new AbortController().signal,
      progress,
    });

  it('fills the state for a ledger older than the tree with the build job, as of the tree’s reach', async () => {
    // A ledger from before the tree and the map: no nodes, no heads, no states, the tree at zero.
    await sql(app, 'delete from ledger_tree_node');
    await sql(app, 'delete from ledger_tree_head');
    await sql(app, 'delete from ledger_provider_state');
    await sql(app, 'update ledger_head set tree_size = 0, tree_sequence = 0 where id = 1');
    await append(app, 30); // while the tree lags: no leaves, no states
    expect(await storedStates(app)).toEqual([]);
    let reports = 0;
    const stopped = build(async () => {
      if (++reports === 2) throw new JobStopped();
    });
    await expect(stopped).rejects.toBeInstanceOf(JobStopped);
    const partway = await treeState(app.em());
    expect(partway.treeSize).toBe(600);
    expect(await storedStates(app)).toEqual(await recomputedStates(app, partway.treeSequence));
    await append(app, 4); // still lagging: the job, not the append, takes these
    expect(await storedStates(app)).toEqual(await recomputedStates(app, partway.treeSequence));
    await build(async () => {});
    const state = await treeState(app.em());
    expect(state.treeSequence).toBe(state.sequence);
    expect(await storedStates(app)).toEqual(await recomputedStates(app));
    // The job signed the caught-up head as v2, over the same map a package proves against.
    const { pkg } = await evidence(owner, PROVIDERS[4]!);
    expect(pkg.head).toMatchObject({ version: 2, treeSize: state.treeSize });
    expect(pkg.completeness.present!.chainHash).toBe(chainOver(pkg.entries));
  });
});
