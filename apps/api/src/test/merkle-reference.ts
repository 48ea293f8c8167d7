import { createHash } from 'node:crypto';

// RFC 9162 §2.1 written as the RFC writes it: recursive over the list of leaf data, with no storage,
// no frontier and nothing shared with ledger/merkle-tree.ts, so the tests compare the stored tree
// with an independent computation. Slow on purpose (every call rehashes its whole range).

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

/** The largest power of two smaller than n. */
function k(n: number): number {
  let p = 1;
  while (p * 2 < n) p *= 2;
  return p;
}

/** MTH(D[n]) over leaf data D (each entry's 32-byte chain hash). */
export function referenceRoot(d: readonly Buffer[]): Buffer {
  if (d.length === 0) return sha256();
  if (d.length === 1) return sha256(Buffer.from([0]), d[0]!);
  const split = k(d.length);
  return sha256(Buffer.from([1]), referenceRoot(d.slice(0, split)), referenceRoot(d.slice(split)));
}

/** PATH(m, D[n]) (§2.1.3.1). */
export function referencePath(m: number, d: readonly Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const split = k(d.length);
  return m < split
    ? [...referencePath(m, d.slice(0, split)), referenceRoot(d.slice(split))]
    : [...referencePath(m - split, d.slice(split)), referenceRoot(d.slice(0, split))];
}

/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (§2.1.4.1). */
export function referenceProof(m: number, d: readonly Buffer[]): Buffer[] {
  return subproof(m, d, true);
}

function subproof(m: number, d: readonly Buffer[], b: boolean): Buffer[] {
  const n = d.length;
  if (m === n) return b ? [] : [referenceRoot(d)];
  const split = k(n);
  return m <= split
    ? [...subproof(m, d.slice(0, split), b), referenceRoot(d.slice(split))]
    : [...subproof(m - split, d.slice(split), false), referenceRoot(d.slice(0, split))];
}

export const hex = (list: readonly Buffer[]) => list.map((b) => b.toString('hex'));
