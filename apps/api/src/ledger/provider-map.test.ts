import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hex, referencePath, referenceRoot } from '../test/merkle-reference.js';
import {
  advanceProviderStates,
  PROVIDER_CHAIN_START,
  ProviderMap,
  providerMapLeafData,
  type ProviderState,
} from './provider-map.js';

// The provider map against RFC 9162 computed plainly (test/merkle-reference.ts) over the contract's
// leaf texts, and the per-provider chain against its definition written out.

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function states(n: number): ProviderState[] {
  return Array.from({ length: n }, (_, i) => ({
    providerId: `p-${String((i * 7919) % 1000).padStart(4, '0')}-${i}`,
    entryCount: i + 1,
    chainHash: sha(`chain ${i}`),
    lastSequence: 10 * i + 3,
  }));
}

const sortedData = (list: readonly ProviderState[]) =>
  [...list]
    .sort((a, b) => (a.providerId < b.providerId ? -1 : 1))
    .map((s) => Buffer.from(providerMapLeafData(s), 'utf8'));

describe('the provider map', () => {
  it('has the leaf text of the contract', () => {
    expect(providerMapLeafData({ providerId: 'abc', entryCount: 12, chainHash: 'ff', lastSequence: 1004 })).toBe(
      'steward-provider-map/1\nabc\n12\nff\n1004',
    );
  });

  it('is empty as RFC 9162 says: size 0, root SHA-256 of nothing', () => {
    const map = new ProviderMap([]);
    expect(map.size).toBe(0);
    expect(map.root).toBe(sha(''));
    expect(map.find('x')).toEqual({ index: 0, found: false });
  });

  it('has the root and every proof of the recursive definition, at every size up to 40 and a few beyond', () => {
    for (const n of [...Array.from({ length: 40 }, (_, i) => i + 1), 63, 64, 65, 100, 257]) {
      const list = states(n);
      const map = new ProviderMap(list);
      const d = sortedData(list);
      expect(map.root, `root of ${n}`).toBe(referenceRoot(d).toString('hex'));
      for (let m = 0; m < n; m += n > 40 ? 7 : 1)
        expect(map.proof(m), `path of ${m} in ${n}`).toEqual(hex(referencePath(m, d)));
    }
  });

  it('sorts by JS string order (code units), not by locale, and finds ids or where they would go', () => {
    const map = new ProviderMap(
      ['b', 'B', 'a', 'aa', 'Z'].map((providerId) => ({ providerId, entryCount: 1, chainHash: '0', lastSequence: 1 })),
    );
    expect(map.leaves.map((l) => l.providerId)).toEqual(['B', 'Z', 'a', 'aa', 'b']);
    expect(map.find('a')).toEqual({ index: 2, found: true });
    expect(map.find('ab')).toEqual({ index: 4, found: false });
    expect(map.find('A')).toEqual({ index: 0, found: false });
    expect(map.find('c')).toEqual({ index: 5, found: false });
  });

  it('chains each provider’s entries in order from 64 zeros, leaving entries without a provider out', () => {
    const entries = [
      { sequence: 1, hash: sha('1'), providerId: 'p' },
      { sequence: 2, hash: sha('2'), providerId: null },
      { sequence: 3, hash: sha('3'), providerId: 'q' },
      { sequence: 5, hash: sha('5'), providerId: 'p' },
    ];
    const first = advanceProviderStates(new Map(), entries.slice(0, 3));
    const p1 = sha(`${'0'.repeat(64)}\n${sha('1')}`);
    expect(PROVIDER_CHAIN_START).toBe('0'.repeat(64));
    expect(first).toEqual([
      { providerId: 'p', entryCount: 1, chainHash: p1, lastSequence: 1 },
      { providerId: 'q', entryCount: 1, chainHash: sha(`${'0'.repeat(64)}\n${sha('3')}`), lastSequence: 3 },
    ]);
    // Continued from the stored state, only the changed provider comes back.
    const next = advanceProviderStates(new Map(first.map((s) => [s.providerId, s])), entries.slice(3));
    expect(next).toEqual([{ providerId: 'p', entryCount: 2, chainHash: sha(`${p1}\n${sha('5')}`), lastSequence: 5 }]);
    // The same as all at once.
    expect(advanceProviderStates(new Map(), entries)).toContainEqual(next[0]);
  });
});
