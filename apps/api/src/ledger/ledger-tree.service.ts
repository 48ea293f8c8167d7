import type { EntityManager } from '@mikro-orm/core';
import { badInput, DomainError, NotFoundError } from '../common/errors.js';
import { inTransaction } from '../common/transaction.js';
import { TOTAL_COUNT_CAP, toTotal, withTotal, type Page } from '../common/connection.js';
import { pageSize, toKeysetPage } from '../common/pagination.js';
import { decodeSequenceCursor, encodeSequenceCursor } from './ledger-explorer.service.js';
import { presentTreeHead } from './ledger-tree.presenter.js';
import type { LedgerTreeHeadType } from './ledger-tree.type.js';
import type { AppDeps } from '../context.js';
import { GENESIS_HASH, treeHeadStatement } from './ledger-hash.js';
import { lockLedgerHead } from './ledger.queries.js';
import {
  entryHashesAfter,
  entryHashOf,
  insertTreeHead,
  insertTreeNodes,
  leafOf,
  nodeKey,
  setTreeState,
  treeHeadCountUpTo,
  treeHeadExists,
  treeHeadPage,
  treeNodes,
  treeState,
  type NodeRow,
  type TreeState,
} from './ledger-tree.queries.js';
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
   * and records the new size); signs the tree head at each entry of `signAt` (checkpoints). Reads
   * the tree's right edge (one statement) and writes the leaves and the nodes they complete (one).
   */
  async appendLeaves(
    treeSize: number,
    lastLeafHash: string,
    entries: readonly { sequence: number; hash: string }[],
    signAt: readonly number[] = [],
  ): Promise<number> {
    if (!entries.length) return treeSize;
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
    lastFrontier = { key: `${size}:${entries[entries.length - 1]!.hash}`, nodes: frontier.map((f) => ({ ...f })) };
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
   * Signs the tree head of the whole tree when it has caught up with the ledger (never a head of a
   * tree still being built: `state` is read under the head's lock) and that size is not signed yet.
   */
  async signCaughtUpHead(state: TreeState): Promise<void> {
    if (state.treeSize === 0 || state.treeSequence !== state.sequence) return;
    if (await treeHeadExists(this.em, state.treeSize)) return;
    await this.signTreeHead(state.treeSize, await this.root(state.treeSize));
  }

  private async signTreeHead(treeSize: number, rootHash: string): Promise<void> {
    if (await treeHeadExists(this.em, treeSize)) return;
    const signedAt = this.deps.now();
    await insertTreeHead(this.em, {
      treeSize,
      rootHash,
      signedAt,
      keyId: this.deps.cipher.keyId,
      signature: this.deps.cipher.signCheckpoint(treeHeadStatement(treeSize, rootHash, signedAt)),
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

  /** The hash of each range, from one read of every stored node they need. */
  private async foldRanges(ranges: readonly LeafRange[]): Promise<string[]> {
    const pieces = ranges.map(rangeNodes);
    const wanted = new Map<string, TreeNodeRef>();
    for (const ref of pieces.flat()) wanted.set(nodeKey(ref), ref);
    const stored = await treeNodes(this.em, [...wanted.values()]);
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
        const entries = rows.map((r) => ({ sequence: Number(r.sequence), hash: r.hash }));
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
