import { createHash } from 'node:crypto';

// The ledger's Merkle tree arithmetic (RFC 9162 §2.1), pure: which complete subtrees a root or proof
// is folded from, and the hashes. Storage and reads are ledger-tree.service.ts's.

/** A complete subtree: the node at `level` covering leaves `index·2^level` … `(index+1)·2^level − 1`. */
export interface TreeNodeRef {
  level: number;
  index: number;
}

export interface StoredNode extends TreeNodeRef {
  hash: string;
}

/** Leaves `start` … `start + size − 1`, whose hash (MTH) a proof element or root is. */
export interface LeafRange {
  start: number;
  size: number;
}

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** MTH({}) = SHA-256 of nothing. */
export const EMPTY_ROOT = createHash('sha256').digest('hex');

/** leafHash(d) = SHA-256(0x00 ‖ d), d being the entry's 32-byte chain hash. */
export function leafHash(entryHashHex: string): string {
  return createHash('sha256').update(LEAF).update(Buffer.from(entryHashHex, 'hex')).digest('hex');
}

/** nodeHash(l, r) = SHA-256(0x01 ‖ l ‖ r). */
export function nodeHash(left: string, right: string): string {
  return createHash('sha256')
    .update(NODE)
    .update(Buffer.from(left, 'hex'))
    .update(Buffer.from(right, 'hex'))
    .digest('hex');
}

/** The largest power of two smaller than n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const log2 = (k: number) => Math.round(Math.log2(k));

/**
 * The complete subtrees whose fold is MTH of `range`, left to right. Every range RFC 9162's
 * recursions produce starts at a multiple of its largest power-of-two part, so each piece is one stored node.
 */
export function rangeNodes({ start, size }: LeafRange): TreeNodeRef[] {
  const nodes: TreeNodeRef[] = [];
  while (size > 0) {
    const k = size & (size - 1) ? splitPoint(size) : size;
    nodes.push({ level: log2(k), index: start / k });
    start += k;
    size -= k;
  }
  return nodes;
}

/** MTH of a range from its nodes' hashes (left to right): folded from the right, as the split recursion builds it. */
export function foldRight(hashes: readonly string[]): string {
  if (!hashes.length) return EMPTY_ROOT;
  let root = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i]!, root);
  return root;
}

/** The ranges of the inclusion proof of leaf `m` in a tree of `n` leaves (RFC 9162 §2.1.3.1), leaf → root. */
export function inclusionRanges(m: number, n: number, start = 0): LeafRange[] {
  if (n <= 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...inclusionRanges(m, k, start), { start: start + k, size: n - k }]
    : [...inclusionRanges(m - k, n - k, start + k), { start, size: k }];
}

/** The ranges of the consistency proof from `m` to `n` leaves (RFC 9162 §2.1.4.1), 0 < m ≤ n. */
export function consistencyRanges(m: number, n: number): LeafRange[] {
  return m >= n ? [] : subproof(m, n, 0, true);
}

function subproof(m: number, n: number, start: number, complete: boolean): LeafRange[] {
  if (m === n) return complete ? [] : [{ start, size: m }];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, k, start, complete), { start: start + k, size: n - k }]
    : [...subproof(m - k, n - k, start + k, false), { start, size: k }];
}

/**
 * The right edge of a tree of `size` leaves: one complete subtree per set bit of `size`, largest
 * first. Its fold is the root; appending a leaf merges its tail (`appendLeaf`).
 */
export const frontierOf = (size: number): TreeNodeRef[] => rangeNodes({ start: 0, size });

/**
 * Appends one leaf to a frontier (changed in place) and returns every node it completes — the leaf
 * itself first, then each parent the merge makes: what an append stores.
 */
export function appendLeaf(frontier: StoredNode[], index: number, hash: string): StoredNode[] {
  let node: StoredNode = { level: 0, index, hash };
  const made = [node];
  while (frontier.length && frontier[frontier.length - 1]!.level === node.level) {
    const left = frontier.pop()!;
    node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
    made.push(node);
  }
  frontier.push(node);
  return made;
}
