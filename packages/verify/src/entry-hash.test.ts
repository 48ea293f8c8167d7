import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { contentFieldProblems, entryHash, GENESIS_HASH, type LedgerEntryContent } from './entry-hash.js';

// Hashes computed by the API's own `entryHash` (scripts/entry-hash-vectors.mjs): Japanese text,
// escapes, a lone surrogate, integer-like and "__proto__" keys, a restore's basis.
const { vectors } = JSON.parse(
  readFileSync(new URL('../fixtures/entry-hash-vectors.json', import.meta.url), 'utf8'),
) as {
  vectors: { prevHash: string; content: LedgerEntryContent; hash: string }[];
};

describe('entryHash', () => {
  it.each(vectors.map((v) => [v.content.kind, v.content.sequence, v] as const))(
    '%s entry %i hashes as the server hashed it',
    (_, __, { prevHash, content, hash }) => {
      expect(contentFieldProblems(content)).toEqual([]);
      expect(entryHash(prevHash, content)).toBe(hash);
    },
  );

  it('chains the vectors from the genesis hash', () => {
    expect(vectors[0]!.prevHash).toBe(GENESIS_HASH);
    expect(vectors[1]!.prevHash).toBe(vectors[0]!.hash);
  });

  it('changes with any field of the content and with the previous hash', () => {
    const { prevHash, content, hash } = vectors[2]!;
    expect(entryHash(prevHash, { ...content, outcome: 'DENIED' })).not.toBe(hash);
    expect(entryHash(prevHash, { ...content, categories: [...content.categories].reverse() })).not.toBe(hash);
    expect(entryHash(GENESIS_HASH, content)).not.toBe(hash);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, integer-like keys first in numeric order, as JSON.stringify lists them', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null }, 10: 'x', 2: 'y' })).toBe(
      '{"2":"y","10":"x","a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('keeps a parsed "__proto__" key as a key', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
  });
});

describe('contentFieldProblems', () => {
  it('names missing, mistyped and unknown fields', () => {
    const { content } = vectors[0]!;
    const { sequence: _, ...withoutSequence } = content;
    expect(contentFieldProblems(withoutSequence)).toEqual(['sequence']);
    expect(contentFieldProblems({ ...content, categories: 'NAME', extra: 1 })).toEqual(['categories', 'extra']);
    expect(contentFieldProblems({ ...content, payloadHash: 'A'.repeat(64) })).toEqual(['payloadHash']);
    expect(contentFieldProblems([])).toEqual(['content']);
  });
});
