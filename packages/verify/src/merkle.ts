/**
 * The ledger's Merkle tree, RFC 9162 §2.1 (the hashing of RFC 6962, Certificate Transparency).
 *
 * The reference functions (`rootFromLeaves`, `inclusionProof`, `consistencyProof`) are the RFC's
 * recursive definitions written out as they read: O(n) per call, meant for tests and for anyone
 * checking a server's proofs against a copy of the leaves. The verifiers are the RFC's iterative
 * algorithms (§2.1.3.2, §2.1.4.2), O(log n), and say why a proof fails.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, equalBytes } from './bytes.js';

/** SHA-256(0x00 ‖ data): a leaf can never be read as an inner node (RFC 9162 §2.1.1). */
export function leafHash(data: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + data.length);
  input[0] = 0x00;
  input.set(data, 1);
  return sha256(input);
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

/** The largest power of two smaller than n (n > 1): where MTH splits a tree of n leaves. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) of RFC 9162 §2.1.1, over the leaves' data (not their leaf hashes). */
export function rootFromLeaves(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leafHash(leaves[0]!);
  const k = split(leaves.length);
  return nodeHash(rootFromLeaves(leaves.slice(0, k)), rootFromLeaves(leaves.slice(k)));
}

/** PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf `index`, ordered leaf → root. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Uint8Array[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`);
  }
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...inclusionProof(leaves.slice(0, k), index), rootFromLeaves(leaves.slice(k))]
    : [...inclusionProof(leaves.slice(k), index - k), rootFromLeaves(leaves.slice(0, k))];
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the first m leaves are a prefix of the n. Empty for m = 0 or m = n. */
export function consistencyProof(leaves: readonly Uint8Array[], m: number): Uint8Array[] {
  if (!Number.isInteger(m) || m < 0 || m > leaves.length) {
    throw new RangeError(`size ${m} is not within a tree of ${leaves.length}`);
  }
  return m === 0 ? [] : subproof(m, leaves, true);
}

function subproof(m: number, leaves: readonly Uint8Array[], complete: boolean): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [rootFromLeaves(leaves)];
  const k = split(n);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), complete), rootFromLeaves(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), rootFromLeaves(leaves.slice(0, k))];
}

/** Why a proof does not verify; `messages.ts` words each in English and Japanese. */
export type MerkleFailure =
  | { reason: 'BAD_SIZE'; size: number }
  | { reason: 'BAD_HASH_LENGTH'; what: 'leaf' | 'root' | 'path'; position?: number }
  | { reason: 'INDEX_OUT_OF_RANGE'; index: number; treeSize: number }
  | { reason: 'PATH_TOO_LONG'; length: number }
  | { reason: 'PATH_TOO_SHORT'; length: number }
  | { reason: 'ROOT_MISMATCH'; computed: string }
  | { reason: 'TREE_SHRANK'; size1: number; size2: number }
  | { reason: 'PROOF_NOT_EMPTY'; length: number }
  | { reason: 'PROOF_EMPTY' }
  | { reason: 'SAME_SIZE_ROOTS_DIFFER' }
  | { reason: 'FIRST_ROOT_MISMATCH'; computed: string }
  | { reason: 'SECOND_ROOT_MISMATCH'; computed: string };

export type MerkleResult = { ok: true } | ({ ok: false } & MerkleFailure);

const OK: MerkleResult = { ok: true };
const fail = (failure: MerkleFailure): MerkleResult => ({ ok: false, ...failure });
const isSize = (n: number) => Number.isSafeInteger(n) && n >= 0;
// Plain arithmetic, not `>>`/`&`: those are 32-bit and a ledger may pass 2^31 entries.
const odd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);
const isPowerOfTwo = (x: number) => {
  while (x > 1 && !odd(x)) x = half(x);
  return x === 1;
};

function badPath(path: readonly Uint8Array[]): MerkleResult | null {
  const position = path.findIndex((p) => p.length !== 32);
  return position < 0 ? null : fail({ reason: 'BAD_HASH_LENGTH', what: 'path', position });
}

/**
 * RFC 9162 §2.1.3.2: does `path` prove that the leaf whose leaf hash is `leaf` sits at `index` in
 * the tree of `treeSize` leaves whose root is `root`?
 */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): MerkleResult {
  if (!isSize(treeSize)) return fail({ reason: 'BAD_SIZE', size: treeSize });
  if (!isSize(index) || index >= treeSize) return fail({ reason: 'INDEX_OUT_OF_RANGE', index, treeSize });
  if (leaf.length !== 32) return fail({ reason: 'BAD_HASH_LENGTH', what: 'leaf' });
  if (root.length !== 32) return fail({ reason: 'BAD_HASH_LENGTH', what: 'root' });
  const malformed = badPath(path);
  if (malformed) return malformed;

  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return fail({ reason: 'PATH_TOO_LONG', length: path.length });
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail({ reason: 'PATH_TOO_SHORT', length: path.length });
  return equalBytes(r, root) ? OK : fail({ reason: 'ROOT_MISMATCH', computed: bytesToHex(r) });
}

/**
 * RFC 9162 §2.1.4.2: does `proof` show that the tree of `size1` leaves with root `root1` is a
 * prefix of the tree of `size2` leaves with root `root2` — nothing rewritten, only appended?
 * The RFC's algorithm is for 0 < size1 < size2; the edges are as in transparency-dev/merkle:
 * an empty first tree is a prefix of anything (empty proof), equal sizes need equal roots.
 */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): MerkleResult {
  if (!isSize(size1)) return fail({ reason: 'BAD_SIZE', size: size1 });
  if (!isSize(size2)) return fail({ reason: 'BAD_SIZE', size: size2 });
  if (size2 < size1) return fail({ reason: 'TREE_SHRANK', size1, size2 });
  if (root1.length !== 32) return fail({ reason: 'BAD_HASH_LENGTH', what: 'root', position: 1 });
  if (root2.length !== 32) return fail({ reason: 'BAD_HASH_LENGTH', what: 'root', position: 2 });
  if (size1 === size2 || size1 === 0) {
    if (proof.length > 0) return fail({ reason: 'PROOF_NOT_EMPTY', length: proof.length });
    return size1 === 0 || equalBytes(root1, root2) ? OK : fail({ reason: 'SAME_SIZE_ROOTS_DIFFER' });
  }
  if (proof.length === 0) return fail({ reason: 'PROOF_EMPTY' });
  const malformed = badPath(proof);
  if (malformed) return malformed;

  // Step 2: when the first tree is a complete subtree, its root is the proof's implied first element.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail({ reason: 'PATH_TOO_LONG', length: proof.length });
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail({ reason: 'PATH_TOO_SHORT', length: proof.length });
  if (!equalBytes(fr, root1)) return fail({ reason: 'FIRST_ROOT_MISMATCH', computed: bytesToHex(fr) });
  if (!equalBytes(sr, root2)) return fail({ reason: 'SECOND_ROOT_MISMATCH', computed: bytesToHex(sr) });
  return OK;
}
