import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  rootFromLeaves,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

/** Distinct 32-byte leaves, as the ledger's entry hashes are. */
const leavesOf = (n: number, salt = 0) =>
  Array.from({ length: n }, (_, i) => sha256(new TextEncoder().encode(`leaf ${salt}/${i}`)));
const flipBit = (bytes: Uint8Array, bit: number) => {
  const copy = bytes.slice();
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
};

const MAX = 70;
const LEAVES = leavesOf(MAX);
const ROOTS = Array.from({ length: MAX + 1 }, (_, n) => rootFromLeaves(LEAVES.slice(0, n)));

describe('the iterative verifiers agree with the recursive reference', () => {
  it(`proves every leaf of every tree of 1..${MAX} leaves, and no other leaf or index`, () => {
    let checked = 0;
    for (let n = 1; n <= MAX; n++) {
      const tree = LEAVES.slice(0, n);
      for (let i = 0; i < n; i++) {
        const path = inclusionProof(tree, i);
        expect(verifyInclusion(leafHash(tree[i]!), i, n, path, ROOTS[n]!)).toEqual({ ok: true });
        // The neighbour's leaf at this index, and this leaf at the neighbour's index, both fail.
        const j = (i + 1) % n;
        if (j !== i) {
          expect(verifyInclusion(leafHash(tree[j]!), i, n, path, ROOTS[n]!).ok).toBe(false);
          expect(verifyInclusion(leafHash(tree[i]!), j, n, path, ROOTS[n]!).ok).toBe(false);
        }
        checked++;
      }
    }
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it(`proves every prefix m ≤ n of every tree of 1..${MAX} leaves, and not against another tree's root`, () => {
    const other = leavesOf(MAX, 1);
    const forged = Array.from({ length: MAX + 1 }, (_, m) => rootFromLeaves(other.slice(0, m)));
    for (let n = 1; n <= MAX; n++) {
      const tree = LEAVES.slice(0, n);
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(tree, m);
        expect(verifyConsistency(m, n, proof, ROOTS[m]!, ROOTS[n]!)).toEqual({ ok: true });
        // A first tree with the same size but other leaves is not a prefix (sizes 0 hold no leaves).
        if (m > 0) expect(verifyConsistency(m, n, proof, forged[m]!, ROOTS[n]!).ok).toBe(false);
      }
    }
  });
});

describe('reference functions', () => {
  it('hashes the empty tree as SHA-256 of nothing and refuses indexes outside the tree', () => {
    expect(Buffer.from(rootFromLeaves([])).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(() => inclusionProof(LEAVES.slice(0, 3), 3)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES.slice(0, 3), 4)).toThrow(RangeError);
  });
});

describe('verifyInclusion says why', () => {
  const tree = LEAVES.slice(0, 5);
  const root = ROOTS[5]!;
  const path = inclusionProof(tree, 2);
  const leaf = leafHash(tree[2]!);

  it.each([
    [
      'index ≥ size',
      () => verifyInclusion(leaf, 5, 5, path, root),
      { reason: 'INDEX_OUT_OF_RANGE', index: 5, treeSize: 5 },
    ],
    ['empty tree', () => verifyInclusion(leaf, 0, 0, [], root), { reason: 'INDEX_OUT_OF_RANGE' }],
    ['negative index', () => verifyInclusion(leaf, -1, 5, path, root), { reason: 'INDEX_OUT_OF_RANGE' }],
    ['fractional size', () => verifyInclusion(leaf, 0, 2.5, path, root), { reason: 'BAD_SIZE' }],
    ['trailing hash', () => verifyInclusion(leaf, 2, 5, [...path, root], root), { reason: 'PATH_TOO_LONG' }],
    ['missing hash', () => verifyInclusion(leaf, 2, 5, path.slice(0, -1), root), { reason: 'PATH_TOO_SHORT' }],
    [
      'short hash',
      () => verifyInclusion(leaf, 2, 5, [path[0]!.slice(1), ...path.slice(1)], root),
      { reason: 'BAD_HASH_LENGTH', what: 'path', position: 0 },
    ],
    ['short leaf', () => verifyInclusion(leaf.slice(1), 2, 5, path, root), { reason: 'BAD_HASH_LENGTH', what: 'leaf' }],
    ['other root', () => verifyInclusion(leaf, 2, 5, path, ROOTS[4]!), { reason: 'ROOT_MISMATCH' }],
  ])('%s', (_, run, expected) => {
    expect(run()).toMatchObject({ ok: false, ...expected });
  });

  it('reports the root the path leads to', () => {
    const result = verifyInclusion(leaf, 2, 5, path, ROOTS[4]!);
    expect(result).toEqual({ ok: false, reason: 'ROOT_MISMATCH', computed: Buffer.from(root).toString('hex') });
  });
});

describe('verifyConsistency says why', () => {
  const tree = LEAVES.slice(0, 7);
  const proof = consistencyProof(tree, 3);
  const [r3, r7] = [ROOTS[3]!, ROOTS[7]!];

  it.each([
    ['shrinking tree', () => verifyConsistency(7, 3, proof, r7, r3), { reason: 'TREE_SHRANK', size1: 7, size2: 3 }],
    ['empty proof', () => verifyConsistency(3, 7, [], r3, r7), { reason: 'PROOF_EMPTY' }],
    ['same size, other root', () => verifyConsistency(7, 7, [], ROOTS[6]!, r7), { reason: 'SAME_SIZE_ROOTS_DIFFER' }],
    ['same size, a proof', () => verifyConsistency(7, 7, [r7], r7, r7), { reason: 'PROOF_NOT_EMPTY', length: 1 }],
    ['from empty, a proof', () => verifyConsistency(0, 7, [r7], r7, r7), { reason: 'PROOF_NOT_EMPTY' }],
    ['trailing hash', () => verifyConsistency(3, 7, [...proof, r7], r3, r7), { reason: 'PATH_TOO_LONG' }],
    ['missing hash', () => verifyConsistency(3, 7, proof.slice(0, -1), r3, r7), { reason: 'PATH_TOO_SHORT' }],
    ['other first root', () => verifyConsistency(3, 7, proof, ROOTS[2]!, r7), { reason: 'FIRST_ROOT_MISMATCH' }],
    ['other second root', () => verifyConsistency(3, 7, proof, r3, ROOTS[6]!), { reason: 'SECOND_ROOT_MISMATCH' }],
  ])('%s', (_, run, expected) => {
    expect(run()).toMatchObject({ ok: false, ...expected });
  });
});

describe('any flipped bit fails verification (property)', () => {
  const sizes = fc.integer({ min: 1, max: 64 });
  const inclusionCase = sizes.chain((n) =>
    fc.record({ n: fc.constant(n), index: fc.nat({ max: n - 1 }), salt: fc.nat(), bit: fc.nat({ max: 255 }) }),
  );
  const setup = ({ n, index, salt }: { n: number; index: number; salt: number }) => {
    const tree = leavesOf(n, salt);
    return { tree, root: rootFromLeaves(tree), path: inclusionProof(tree, index), leaf: leafHash(tree[index]!) };
  };

  it('in the leaf', () => {
    fc.assert(
      fc.property(inclusionCase, (c) => {
        const { root, path, leaf } = setup(c);
        expect(verifyInclusion(flipBit(leaf, c.bit), c.index, c.n, path, root).ok).toBe(false);
      }),
    );
  });

  it('in any element of the path', () => {
    fc.assert(
      fc.property(
        inclusionCase.filter((c) => c.n > 1),
        fc.nat(),
        (c, pick) => {
          const { root, path, leaf } = setup(c);
          const at = pick % path.length;
          const bent = path.map((p, i) => (i === at ? flipBit(p, c.bit) : p));
          expect(verifyInclusion(leaf, c.index, c.n, bent, root).ok).toBe(false);
        },
      ),
    );
  });

  it('in the root', () => {
    fc.assert(
      fc.property(inclusionCase, (c) => {
        const { root, path, leaf } = setup(c);
        expect(verifyInclusion(leaf, c.index, c.n, path, flipBit(root, c.bit)).ok).toBe(false);
      }),
    );
  });

  it('in the index', () => {
    fc.assert(
      fc.property(inclusionCase, fc.nat({ max: 7 }), (c, bit) => {
        const { root, path, leaf } = setup(c);
        expect(verifyInclusion(leaf, c.index ^ (1 << bit), c.n, path, root).ok).toBe(false);
      }),
    );
  });

  it('in a consistency proof, either root or the first size', () => {
    const consistencyCase = fc.integer({ min: 2, max: 64 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        m: fc.integer({ min: 1, max: n - 1 }),
        salt: fc.nat(),
        bit: fc.nat({ max: 255 }),
        pick: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(consistencyCase, ({ n, m, salt, bit, pick }) => {
        const tree = leavesOf(n, salt);
        const [r1, r2] = [rootFromLeaves(tree.slice(0, m)), rootFromLeaves(tree)];
        const proof = consistencyProof(tree, m);
        const at = pick % proof.length;
        expect(verifyConsistency(m, n, proof, r1, r2).ok).toBe(true);
        expect(
          verifyConsistency(
            m,
            n,
            proof.map((p, i) => (i === at ? flipBit(p, bit) : p)),
            r1,
            r2,
          ).ok,
        ).toBe(false);
        expect(verifyConsistency(m, n, proof, flipBit(r1, bit), r2).ok).toBe(false);
        expect(verifyConsistency(m, n, proof, r1, flipBit(r2, bit)).ok).toBe(false);
        const otherM = m ^ (1 << (bit % 6));
        if (otherM !== m && otherM > 0) expect(verifyConsistency(otherM, n, proof, r1, r2).ok).toBe(false);
      }),
    );
  });
});
