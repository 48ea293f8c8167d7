import type { EntityManager } from '@mikro-orm/core';
import { badInput, DomainError, NotFoundError } from '../common/errors.js';
import { inTransaction } from '../common/transaction.js';
import { TOTAL_COUNT_CAP, toTotal, withTotal, type Page } from '../common/connection.js';
import { pageSize, toKeysetPage } from '../common/pagination.js';
import { decodeSequenceCursor, encodeSequenceCursor } from './ledger-explorer.service.js';
import { presentTreeHead, treeHeadJsonOf } from './ledger-tree.presenter.js';
import type { LedgerTreeHeadType } from './ledger-tree.type.js';
import type { AppDeps } from '../context.js';
import { isUuid } from '../common/ids.js';
import { dialectOf } from '../common/sql/dialect.js';
import type { Row } from '../common/sql/lean-sql.js';
import { GENESIS_HASH, treeHeadStatement, treeHeadStatementOf, type LedgerEntryContent } from './ledger-hash.js';
import { entryContentOf, lockLedgerHead } from './ledger.queries.js';
import {
  allProviderStates,
  entryHashesAfter,
  entryHashOf,
  insertTreeHead,
  insertTreeNodes,
  leafIndexesOf,
  leafOf,
  nodeKey,
  providerEntryRows,
  providerStatesOf,
  replaceTreeHead,
  restoreEntryRows,
  setTreeState,
  treeHeadAt,
  treeHeadCountUpTo,
  treeHeadExists,
  treeHeadPage,
  treeNodes,
  treeState,
  upsertProviderStates,
  type NodeRow,
  type TreeState,
} from './ledger-tree.queries.js';
import { advanceProviderStates, ProviderMap, type ProviderState } from './provider-map.js';
import type {
  EvidenceEntry,
  EvidencePackage,
  EvidenceRestore,
  ProviderMapLeaf,
  SignedTreeHead,
} from '@steward/policy-core';
import {
  appendLeaf,
  consistencyRanges,
  EMPTY_ROOT,
  foldRight,
  frontierOf,
  inclusionRanges,
  leafHash,
  rangeNodes,
  type LeafRange,
  type StoredNode,
  type TreeNodeRef,
} from './merkle-tree.js';

/** The tree's right edge after this process's last append, by size and last leaf (see `frontier`). */
let lastFrontier: { key: string; nodes: StoredNode[] } | null = null;

/**
 * The provider states this process wrote, valid under the same key as `lastFrontier`: while no other
 * process (or rolled-back append) moved the tree since, they are the stored ones, so a decision about a
 * provider seen before reads no state row. Bounded: cleared when it grows past STATE_CACHE_MAX.
 */
let knownStates: { key: string; states: Map<string, ProviderState> } | null = null;
const STATE_CACHE_MAX = 50_000;

/** A proof reaches past the part of the tree built so far, while the build job fills in an older ledger. */
export class LedgerTreeBuildingError extends DomainError {
  constructor(state: TreeState) {
    super(
      'LEDGER_TREE_BUILDING',
      `The ledger's Merkle tree is being built (${state.treeSize} leaves so far, up to entry ${state.treeSequence} of ${state.sequence}): try again once it has caught up`,
      { treeSize: state.treeSize, treeSequence: state.treeSequence, headSequence: state.sequence },
    );
  }
}

/** The chain does not continue where the tree stopped: the build job refuses to make leaves of it. */
export class LedgerTreeChainError extends Error {
  constructor(readonly sequence: number) {
    super(`Entry ${sequence} does not follow the entry before it`);
  }
}

export interface InclusionProof {
  sequence: number;
  leafIndex: number;
  entryHash: string;
  treeSize: number;
  rootHash: string;
  auditPath: string[];
}

export interface ConsistencyProof {
  fromSize: number;
  toSize: number;
  fromRoot: string;
  toRoot: string;
  proof: string[];
}

/** An entry as it becomes a leaf: its chain hash (the leaf's data) and the provider it names, if any. */
export interface LeafEntry {
  sequence: number;
  hash: string;
  providerId: string | null;
}

/** Node references per read of a batch of proofs (one OR term each). */
const NODE_READ_CHUNK = 250;

/** One batch of the build job: how far the tree reaches now, and whether it has caught up. */
export interface TreeBuildStep {
  treeSize: number;
  treeSequence: number;
  headSequence: number;
  done: boolean;
}

/**
 * The ledger's Merkle tree (RFC 9162) beside its hash chain: leaves are the entries' chain hashes in
 * append order, stored with every complete subtree as it completes (ledger-tree-node.entity.ts), so
 * a root or proof of any size folds O(log n) stored nodes read in one statement. Writes happen only
 * under the ledger head's row lock (an append's, a checkpoint's or a build batch's transaction).
 */
export class LedgerTreeService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AppDeps,
  ) {}

  /**
   * Appends `entries` as leaves after the `treeSize` already stored (the caller holds the head's lock
   * and records the new size); signs the tree head (v1: no provider map inside a group commit) at
   * each entry of `signAt` (checkpoints). Reads the tree's right edge (one statement) and writes the
   * leaves and the nodes they complete (one); advances the states of the providers the entries name
   * (one read, one upsert, when any), so the states are always those of the tree's leaves.
   */
  async appendLeaves(
    treeSize: number,
    lastLeafHash: string,
    entries: readonly LeafEntry[],
    signAt: readonly number[] = [],
  ): Promise<number> {
    if (!entries.length) return treeSize;
    const startKey = `${treeSize}:${lastLeafHash}`;
    const frontier = await this.frontier(treeSize, lastLeafHash);
    const rows: NodeRow[] = [];
    const heads: { size: number; root: string }[] = [];
    let size = treeSize;
    for (const entry of entries) {
      const [leaf, ...parents] = appendLeaf(frontier, size, leafHash(entry.hash));
      rows.push({ ...leaf!, sequence: entry.sequence }, ...parents.map((p) => ({ ...p, sequence: null })));
      size += 1;
      if (signAt.includes(entry.sequence)) heads.push({ size, root: foldRight(frontier.map((f) => f.hash)) });
    }
    await insertTreeNodes(this.em, rows);
    const endKey = `${size}:${entries[entries.length - 1]!.hash}`;
    await this.advanceProviderStates(entries, startKey, endKey);
    lastFrontier = { key: endKey, nodes: frontier.map((f) => ({ ...f })) };
    for (const head of heads) await this.signTreeHead(head.size, head.root);
    return size;
  }

  /**
   * The right edge of the tree of `size` leaves, the last being the entry whose chain hash is
   * `lastLeafHash`: kept from this process's last append when it ended there, else read (one
   * statement). The chain hash commits to every entry before it, so the key names the leaves exactly;
   * an append rolled back leaves a key no committed chain will have.
   */
  private async frontier(size: number, lastLeafHash: string): Promise<StoredNode[]> {
    if (lastFrontier?.key === `${size}:${lastLeafHash}`) return lastFrontier.nodes.map((f) => ({ ...f }));
    const refs = frontierOf(size);
    const stored = await treeNodes(this.em, refs);
    return refs.map((r) => ({ ...r, hash: this.required(stored, r) }));
  }

  /**
   * The entries' providers' states moved on by them: those this process does not know (knownStates,
   * valid when the tree is where its last append left it, `startKey`) read in one statement, all
   * written in one; known afterwards under `endKey`.
   */
  private async advanceProviderStates(entries: readonly LeafEntry[], startKey: string, endKey: string): Promise<void> {
    const ids = [...new Set(entries.flatMap((e) => (e.providerId === null ? [] : [e.providerId])))];
    const known = knownStates?.key === startKey ? knownStates.states : new Map<string, ProviderState>();
    if (ids.length) {
      const unknown = ids.filter((id) => !known.has(id));
      const current = unknown.length ? await providerStatesOf(this.em, unknown) : new Map<string, ProviderState>();
      for (const id of ids) if (known.has(id)) current.set(id, known.get(id)!);
      const advanced = advanceProviderStates(current, entries);
      await upsertProviderStates(this.em, advanced);
      if (known.size + advanced.length > STATE_CACHE_MAX) known.clear();
      for (const state of advanced) known.set(state.providerId, state);
    }
    knownStates = { key: endKey, states: known };
  }

  /**
   * Signs the v2 tree head (with the provider map) of the whole tree when it has caught up with the
   * ledger (never a head of a tree still being built: `state` is read under the head's lock) and that
   * size has no v2 head yet (a v1 head there is replaced).
   */
  async signCaughtUpHead(state: TreeState): Promise<void> {
    if (state.treeSize === 0 || state.treeSequence !== state.sequence) return;
    await this.signMappedHead(state.treeSize, false);
  }

  /**
   * The v2 head of the tree of `treeSize` leaves — the whole tree, its provider states read under the
   * head's lock by the caller — signed now unless one stands; a v1 head of that size becomes v2 (same
   * root: the map is fixed by the size). The map comes with it when `withMap` (or when it was made).
   */
  private async signMappedHead(
    treeSize: number,
    withMap: boolean,
  ): Promise<{ head: SignedTreeHead; map: ProviderMap | null }> {
    const existing = await treeHeadAt(this.em, treeSize);
    if (existing && Number(existing.version) === 2) {
      const head = treeHeadJsonOf(existing);
      if (!withMap) return { head, map: null };
      const map = new ProviderMap(await allProviderStates(this.em));
      if (map.root !== head.providerMapRoot || map.size !== head.providerMapSize)
        throw new Error(`The provider map differs from the one signed at tree size ${treeSize}`);
      return { head, map };
    }
    const map = new ProviderMap(await allProviderStates(this.em));
    const rootHash = existing?.root_hash ?? (await this.root(treeSize));
    const signedAt = this.deps.now();
    const unsigned = {
      version: 2 as const,
      treeSize,
      rootHash,
      timestamp: signedAt.toISOString(),
      providerMapSize: map.size,
      providerMapRoot: map.root,
    };
    const signature = this.deps.cipher.signCheckpoint(treeHeadStatementOf(unsigned));
    const row = {
      treeSize,
      rootHash,
      signedAt,
      keyId: this.deps.cipher.keyId,
      signature,
      map: { size: map.size, root: map.root },
    };
    if (existing) await replaceTreeHead(this.em, row);
    else await insertTreeHead(this.em, row);
    return { head: { ...unsigned, signature }, map };
  }

  /** A v1 head (size and root only): what an append signs at a checkpoint, inside the group commit. */
  private async signTreeHead(treeSize: number, rootHash: string): Promise<void> {
    if (await treeHeadExists(this.em, treeSize)) return;
    const signedAt = this.deps.now();
    await insertTreeHead(this.em, {
      treeSize,
      rootHash,
      signedAt,
      keyId: this.deps.cipher.keyId,
      signature: this.deps.cipher.signCheckpoint(treeHeadStatement(treeSize, rootHash, signedAt)),
      map: null,
    });
  }

  /** MTH of the first `size` leaves (stored ones only: the caller checks `size` against the tree). */
  async root(size: number): Promise<string> {
    const [root] = await this.foldRanges([{ start: 0, size }]);
    return root!;
  }

  /** The audit path of entry `sequence` in the tree of `treeSize` leaves (default: the whole tree, once caught up). */
  async inclusionProof(sequence: number, treeSize: number | null): Promise<InclusionProof> {
    if (!Number.isSafeInteger(sequence) || sequence < 1)
      throw badInput('sequence', 'INVALID_VALUE', 'Ledger entries are numbered from 1');
    if (treeSize !== null && (!Number.isSafeInteger(treeSize) || treeSize < 1))
      throw badInput('treeSize', 'INVALID_VALUE', 'A tree holding an entry has at least one leaf');
    const state = await treeState(this.em);
    const leaf = await leafOf(this.em, sequence);
    if (!leaf) {
      // Not a leaf yet (the job has not reached it) or no entry at all (never written, or lost by a restore).
      if (sequence > state.treeSequence && (await entryHashOf(this.em, sequence)))
        throw new LedgerTreeBuildingError(state);
      throw new NotFoundError('Ledger entry', 'input.sequence');
    }
    const size = this.checkedSize(treeSize, state, 'treeSize');
    if (size <= leaf.index)
      throw badInput(
        'treeSize',
        'INVALID_VALUE',
        `The tree of ${size} leaves ends before this entry (leaf ${leaf.index})`,
      );
    const ranges = inclusionRanges(leaf.index, size);
    const [rootHash, ...auditPath] = await this.foldRanges([{ start: 0, size }, ...ranges]);
    return {
      sequence,
      leafIndex: leaf.index,
      entryHash: leaf.entryHash,
      treeSize: size,
      rootHash: rootHash!,
      auditPath,
    };
  }

  /** The proof that the tree of `fromSize` leaves is a prefix of the tree of `toSize` (both ≤ the tree built). */
  async consistencyProof(fromSize: number, toSize: number): Promise<ConsistencyProof> {
    if (!Number.isSafeInteger(fromSize) || fromSize < 1)
      throw badInput('fromSize', 'INVALID_VALUE', 'A tree head covers at least one leaf');
    if (!Number.isSafeInteger(toSize) || toSize < fromSize)
      throw badInput('toSize', 'INVALID_VALUE', 'The later tree is at least as large as the earlier one');
    const state = await treeState(this.em);
    this.checkedSize(toSize, state, 'toSize');
    const [fromRoot, toRoot, ...proof] = await this.foldRanges([
      { start: 0, size: fromSize },
      { start: 0, size: toSize },
      ...consistencyRanges(fromSize, toSize),
    ]);
    return { fromSize, toSize, fromRoot: fromRoot!, toRoot: toRoot!, proof };
  }

  /**
   * The evidence package about one provider (format `steward-evidence/1`, issue 19 contract §4–5):
   * under the head's lock, the v2 head of the whole tree (signed now, or the one standing at its
   * size) and the provider map of that size; then — fixed once the tree has that size, so read
   * without the lock — every entry naming the provider among its leaves with its inclusion proof,
   * the map leaf (or the two bracketing it) with its proof, and from `earlierHead` (checked: signed
   * with our key, else BAD_USER_INPUT on `earlierHead`) a consistency proof, or, when it is not
   * consistent with the tree, the RESTORE entries recorded since it was signed.
   */
  async providerEvidence(providerId: string, earlierHead: SignedTreeHead | null): Promise<EvidencePackage> {
    if (!isUuid(providerId)) throw badInput('providerId', 'INVALID_FORMAT', 'Not an id');
    const id = providerId.toLowerCase();
    const earlier = earlierHead === null ? null : this.checkedEarlierHead(earlierHead);
    const { head, map, reach } = await inTransaction(this.em, async (em) => {
      const row = await lockLedgerHead(em);
      const state: TreeState = {
        sequence: Number(row?.sequence ?? 0),
        treeSize: Number(row?.tree_size ?? 0),
        treeSequence: Number(row?.tree_sequence ?? 0),
      };
      if (state.treeSequence < state.sequence) throw new LedgerTreeBuildingError(state);
      if (state.treeSize === 0) throw badInput('providerId', 'INVALID_VALUE', 'The ledger is empty');
      // Refused before anything is signed: a head larger than the tree that no restore explains.
      if (
        earlier &&
        earlier.treeSize > state.treeSize &&
        !(await restoreEntryRows(em, new Date(earlier.timestamp), state.treeSequence)).length
      )
        throw badInput(
          'earlierHead',
          'AHEAD_OF_LEDGER',
          `The earlier head covers ${earlier.treeSize} leaves; the tree has ${state.treeSize}`,
        );
      const signed = await new LedgerTreeService(em, this.deps).signMappedHead(state.treeSize, true);
      return { head: signed.head, map: signed.map!, reach: state.treeSequence };
    });

    const entries = await this.evidenceEntries(await providerEntryRows(this.em, id, reach), head.treeSize);
    const leaf = (index: number): ProviderMapLeaf => ({
      ...map.leaves[index]!,
      mapLeafIndex: index,
      mapProof: map.proof(index),
    });
    const at = map.find(id);
    const completeness: EvidencePackage['completeness'] = at.found
      ? (({ providerId: _id, ...present }) => ({ present, absent: null }))(leaf(at.index))
      : {
          present: null,
          absent: {
            left: at.index > 0 ? leaf(at.index - 1) : null,
            right: at.index < map.size ? leaf(at.index) : null,
          },
        };
    if (at.found && map.leaves[at.index]!.entryCount !== entries.length)
      // The package then fails its completeness check (INCOMPLETE): said here too, for the operator.
      this.deps.log.warn('A provider’s ledger entries differ from its provider state', {
        providerId: id,
        read: entries.length,
        stated: map.leaves[at.index]!.entryCount,
      });

    let consistencyProof: string[] | null = null;
    let restores: EvidenceRestore[] = [];
    if (earlier) {
      const consistent = earlier.treeSize <= head.treeSize && (await this.root(earlier.treeSize)) === earlier.rootHash;
      if (consistent) consistencyProof = await this.foldRanges(consistencyRanges(earlier.treeSize, head.treeSize));
      else restores = await this.restoresSince(new Date(earlier.timestamp), reach, head.treeSize);
    }
    return {
      format: 'steward-evidence/1',
      head,
      publicKey: this.deps.cipher.checkpointPublicKeyRaw,
      providerId: id,
      entries,
      completeness,
      earlierHead: earlier,
      consistencyProof,
      restores,
    };
  }

  /** A head handed in (parsed by policy-core parseTreeHead, see earlier-head.ts): signed with our key, else BAD_USER_INPUT on `earlierHead`. */
  private checkedEarlierHead(head: SignedTreeHead): SignedTreeHead {
    if (!this.deps.cipher.verifyCheckpoint(treeHeadStatementOf(head), head.signature))
      throw badInput('earlierHead', 'BAD_SIGNATURE', 'The head is not signed by this ledger’s key');
    return head;
  }

  /** Entry rows (each a leaf of the tree of `treeSize`) with their inclusion proofs, the node reads shared. */
  private async evidenceEntries(rows: readonly Row[], treeSize: number): Promise<EvidenceEntry[]> {
    const indexes = await leafIndexesOf(
      this.em,
      rows.map((r) => Number(r.sequence)),
    );
    const leafIndexes = rows.map((r) => {
      const index = indexes.get(Number(r.sequence));
      if (index === undefined || index >= treeSize) throw new Error(`Entry ${String(r.sequence)} is not a leaf`);
      return index;
    });
    const ranges = leafIndexes.map((index) => inclusionRanges(index, treeSize));
    const hashes = await this.foldRanges(ranges.flat());
    let at = 0;
    return rows.map((row, i) => {
      const inclusionProof = hashes.slice(at, (at += ranges[i]!.length));
      return {
        leafIndex: leafIndexes[i]!,
        prevHash: String(row.prev_hash),
        content: wireContent(entryContentOf(this.em, row)),
        hash: String(row.hash),
        inclusionProof,
      };
    });
  }

  /** RESTORE entries recorded after `since` among the tree's leaves, with what their restore signed. */
  private async restoresSince(since: Date, reach: number, treeSize: number): Promise<EvidenceRestore[]> {
    const rows = await restoreEntryRows(this.em, since, reach);
    const entries = await this.evidenceEntries(rows, treeSize);
    const json = dialectOf(this.em).fromJsonColumn;
    return rows.flatMap((row, i) => {
      const basis = json(row.basis) as { restore?: Record<string, unknown> } | null;
      const r = basis?.restore as
        | {
            lostFrom: number;
            lostTo: number;
            anchor: { sequence: number; hash: string };
            backup?: { manifestHash?: string };
          }
        | undefined;
      if (!r || typeof r.lostFrom !== 'number' || typeof r.lostTo !== 'number' || !r.anchor) return [];
      return [
        {
          entry: entries[i]!,
          lostFrom: r.lostFrom,
          lostTo: r.lostTo,
          anchor: { sequence: r.anchor.sequence, hash: r.anchor.hash },
          manifestHash: String(r.backup?.manifestHash ?? row.payload_hash),
          restoreSignature: String(row.restore_signature),
        },
      ];
    });
  }

  /** Signed tree heads, largest first, keyset-paged by size. */
  async heads(first: number, after: string | null): Promise<Page<LedgerTreeHeadType>> {
    const limit = pageSize(first);
    const rows = await treeHeadPage(this.em, limit + 1, after ? decodeSequenceCursor(after) : null);
    const publicKey = this.deps.cipher.checkpointPublicKeyRaw;
    return withTotal(
      toKeysetPage(
        rows,
        limit,
        after,
        (row) => presentTreeHead(row, publicKey),
        (row) => encodeSequenceCursor(Number(row.tree_size)),
      ),
      async () => toTotal(await treeHeadCountUpTo(this.em, TOTAL_COUNT_CAP)),
    );
  }

  /** A requested size within the tree built so far; none: the whole tree, once it has caught up. */
  private checkedSize(size: number | null, state: TreeState, field: string): number {
    const lagging = state.treeSequence < state.sequence;
    if (size === null) {
      if (lagging) throw new LedgerTreeBuildingError(state);
      if (state.treeSize === 0) throw badInput(field, 'INVALID_VALUE', 'The ledger is empty');
      return state.treeSize;
    }
    if (size <= state.treeSize) return size;
    if (lagging) throw new LedgerTreeBuildingError(state);
    throw badInput(field, 'INVALID_VALUE', `The tree has ${state.treeSize} leaves`);
  }

  /**
   * The hash of each range, from one read of every stored node they need (one per 250 nodes: a
   * single proof's O(log n) are one read; an evidence package's many proofs share theirs).
   */
  private async foldRanges(ranges: readonly LeafRange[]): Promise<string[]> {
    const pieces = ranges.map(rangeNodes);
    const wanted = new Map<string, TreeNodeRef>();
    for (const ref of pieces.flat()) wanted.set(nodeKey(ref), ref);
    const refs = [...wanted.values()];
    const stored = new Map<string, string>();
    for (let at = 0; at < refs.length; at += NODE_READ_CHUNK)
      for (const [key, hash] of await treeNodes(this.em, refs.slice(at, at + NODE_READ_CHUNK))) stored.set(key, hash);
    return pieces.map((refs) => (refs.length ? foldRight(refs.map((r) => this.required(stored, r))) : EMPTY_ROOT));
  }

  private required(stored: Map<string, string>, ref: TreeNodeRef): string {
    const hash = stored.get(nodeKey(ref));
    if (hash === undefined) throw new Error(`The ledger tree's node ${nodeKey(ref)} is missing`);
    return hash;
  }

  /**
   * One batch of the build job, in its own transaction under the head's lock (appends wait for it,
   * then find the tree further on): up to `limit` entries after the tree's reach become leaves, each
   * checked to follow the one before it. Once the tree reaches the head, its head is signed.
   */
  async buildBatch(limit: number): Promise<TreeBuildStep> {
    return inTransaction(this.em, async (em) => {
      const head = await lockLedgerHead(em);
      const state: TreeState = {
        sequence: Number(head?.sequence ?? 0),
        treeSize: Number(head?.tree_size ?? 0),
        treeSequence: Number(head?.tree_sequence ?? 0),
      };
      const tree = new LedgerTreeService(em, this.deps);
      if (state.treeSequence < state.sequence) {
        const rows = await entryHashesAfter(em, state.treeSequence, limit);
        let prev = state.treeSequence === 0 ? GENESIS_HASH : await entryHashOf(em, state.treeSequence);
        for (const row of rows) {
          if (row.prev_hash !== prev) throw new LedgerTreeChainError(Number(row.sequence));
          prev = row.hash;
        }
        // The head ahead of the last entry: entries were removed (a restore moves the head only with its entry).
        if (!rows.length) throw new LedgerTreeChainError(state.treeSequence + 1);
        const entries = rows.map((r) => ({
          sequence: Number(r.sequence),
          hash: r.hash,
          providerId: r.provider_id ?? null,
        }));
        const reach = entries[entries.length - 1]!.sequence;
        state.treeSize = await tree.appendLeaves(state.treeSize, rows[0]!.prev_hash, entries);
        state.treeSequence = reach;
        await setTreeState(em, state.treeSize, state.treeSequence);
      }
      const done = state.treeSequence >= state.sequence;
      if (done) await tree.signCaughtUpHead(state);
      return { treeSize: state.treeSize, treeSequence: state.treeSequence, headSequence: state.sequence, done };
    });
  }
}

/** An entry's content as a package carries it: `recordedAt` as Date#toISOString, as hashed. */
function wireContent(content: LedgerEntryContent): Record<string, unknown> {
  return { ...content, recordedAt: content.recordedAt.toISOString() };
}
