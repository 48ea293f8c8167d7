import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The definition canonicalJson is written against: sort keys everywhere, then JSON.stringify. */
function reference(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

describe('canonicalJson', () => {
  it('sorts keys at every level and gives Dates as ISO strings', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, at: new Date('2026-11-25T01:02:03.004Z') }),
    ).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"at":"2026-11-25T01:02:03.004Z","b":1}');
  });

  it('writes exactly what JSON.stringify writes for the sorted value', () => {
    const samples: unknown[] = [
      null,
      0,
      -0,
      1.5e300,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '',
      'line\nbreak "quoted" \\ \u2028 \u0000 名前',
      [undefined, () => 1, Symbol('s'), null],
      { skipped: undefined, fn: () => 1, kept: 0 },
      { nested: { '10': 'a', '9': 'b', b: [], a: {}, '01': 'c', '4294967295': 'd', '4294967294': 'e' } },
      { 'key with "quotes"': 1, ключ: 2, 名前: 3 },
      { toJSON: () => ({ b: 2, a: 1 }) },
      [new Date(0), { at: new Date(1) }],
      Object.assign(Object.create(null), { z: 1, a: 2 }),
    ];
    for (const sample of samples) expect(canonicalJson(sample)).toBe(reference(sample));
  });

  it('matches the reference on random nested values', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const make = (depth: number): unknown => {
      const r = rand();
      if (depth > 3 || r < 0.3)
        return [null, true, false, Math.floor(rand() * 1e6) / 7, `s${Math.floor(rand() * 100)}\t`, undefined][
          Math.floor(rand() * 6)
        ];
      if (r < 0.6) return Array.from({ length: Math.floor(rand() * 4) }, () => make(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 5) }, () => [`k${Math.floor(rand() * 20)}`, make(depth + 1)]),
      );
    };
    for (let i = 0; i < 500; i++) {
      const value = make(0);
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });
});
