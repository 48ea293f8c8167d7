/**
 * Published reference data for RFC 6962 / RFC 9162 trees: the 8-leaf tree of Certificate
 * Transparency's test suite, as carried by transparency-dev/merkle, proof/verify_test.go
 * (`leaves`, `roots`, `inclusionProofs`, `consistencyProofs`; commit
 * 02194e9afb6c1d95b5381350007963aa70fff472, Apache-2.0; first published in
 * google/certificate-transparency's merkle_tree_test). Copied as data: in that file the inclusion
 * vectors' `leaf` is 1-based and `roots[i]` is the root of the first i + 1 leaves.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes.js';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  rootFromLeaves,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (h) => hexToBytes(h),
);

const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** { leaf (1-based), size, proof } */
const INCLUSION = [
  {
    leaf: 1,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leaf: 6,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leaf: 3, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leaf: 2,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

const CONSISTENCY = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

const hex = (list: Uint8Array[]) => list.map(bytesToHex);

describe('Certificate Transparency reference tree', () => {
  it('gives the published root of each prefix of the 8 leaves', () => {
    expect(ROOTS.map((_, i) => bytesToHex(rootFromLeaves(LEAVES.slice(0, i + 1))))).toEqual(ROOTS);
  });

  it.each(INCLUSION)('inclusion of leaf $leaf in a tree of $size: generated and verified', ({ leaf, size, proof }) => {
    const tree = LEAVES.slice(0, size);
    expect(hex(inclusionProof(tree, leaf - 1))).toEqual(proof);
    const root = hexToBytes(ROOTS[size - 1]!);
    expect(verifyInclusion(leafHash(LEAVES[leaf - 1]!), leaf - 1, size, proof.map(hexToBytes), root)).toEqual({
      ok: true,
    });
  });

  it.each(CONSISTENCY)('consistency of $size1 with $size2: generated and verified', ({ size1, size2, proof }) => {
    expect(hex(consistencyProof(LEAVES.slice(0, size2), size1))).toEqual(proof);
    const [root1, root2] = [hexToBytes(ROOTS[size1 - 1]!), hexToBytes(ROOTS[size2 - 1]!)];
    expect(verifyConsistency(size1, size2, proof.map(hexToBytes), root1, root2)).toEqual({ ok: true });
  });
});
