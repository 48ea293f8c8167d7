import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, diffSections, splitLines, type DiffLine } from './diff-sections.js';

const oldOf = (lines: DiffLine[]) => lines.filter((l) => l.kind !== 'ADDED').map((l) => l.text);
const newOf = (lines: DiffLine[]) => lines.filter((l) => l.kind !== 'REMOVED').map((l) => l.text);

/** Reference LCS length (plain recursion with memo) to check minimality. */
function lcsLength(a: string[], b: string[]): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number): number => {
    if (i === a.length || j === b.length) return 0;
    const k = `${i},${j}`;
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    const v = a[i] === b[j] ? go(i + 1, j + 1) + 1 : Math.max(go(i + 1, j), go(i, j + 1));
    memo.set(k, v);
    return v;
  };
  return go(0, 0);
}

describe('diffLines', () => {
  it('marks added, removed and unchanged lines with line numbers', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { kind: 'UNCHANGED', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'REMOVED', text: 'b', oldLine: 2 },
      { kind: 'ADDED', text: 'x', newLine: 2 },
      { kind: 'UNCHANGED', text: 'c', oldLine: 3, newLine: 3 },
      { kind: 'ADDED', text: 'd', newLine: 4 },
    ]);
    expect(diffLines([], [])).toEqual([]);
    expect(diffLines(['a'], []).map((l) => l.kind)).toEqual(['REMOVED']);
  });

  const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 14 });
  it('property: reproduces both texts with a minimal number of changes', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const d = diffLines(a, b);
        expect(oldOf(d)).toEqual(a);
        expect(newOf(d)).toEqual(b);
        expect(d.filter((l) => l.kind === 'UNCHANGED')).toHaveLength(lcsLength(a, b));
        const olds = d.flatMap((l) => (l.kind === 'ADDED' ? [] : [l.oldLine]));
        const news = d.flatMap((l) => (l.kind === 'REMOVED' ? [] : [l.newLine]));
        expect(olds).toEqual(a.map((_, i) => i + 1));
        expect(news).toEqual(b.map((_, i) => i + 1));
      }),
    );
  });
});

describe('splitLines', () => {
  it('normalises line endings; empty text has no lines', () => {
    expect(splitLines('a\r\nb\rc\n')).toEqual(['a', 'b', 'c', '']);
    expect(splitLines('')).toEqual([]);
  });
});

describe('diffSections', () => {
  const v1 = {
    CHANGES: {
      en: 'JSPE may change the privacy policy without prior notification.\nAny change will be posted on the website.',
      ja: '本会は、事前の告知なくプライバシーポリシーを変更することがあります。',
    },
    COOKIES: { en: 'Cookies are used to view the website more conveniently.' },
    INQUIRIES: { ja: 'お問い合わせ先\r\n精密工学会 事務局' },
  } as const;
  const v2 = {
    CHANGES: {
      en: 'JSPE may change the privacy policy without prior notification.\nAny change will be posted on the website and will be effective immediately.',
      ja: '本会は、事前の告知なくプライバシーポリシーを変更することがあります。',
    },
    COOKIES: {
      en: 'Cookies are used to view the website more conveniently.',
      ja: 'クッキーはウェブサイトをより便利に閲覧するために使用します。',
    },
    INQUIRIES: { ja: 'お問い合わせ先\n精密工学会 事務局' },
    COLLECTION: {},
  } as const;

  it('lists changed clauses in clause order, ja before en, skipping unchanged text', () => {
    const diffs = diffSections(v1, v2);
    expect(diffs.map((d) => [d.number, d.clause, d.language, d.change, d.added, d.removed])).toEqual([
      [6, 'COOKIES', 'ja', 'ADDED', 1, 0],
      [7, 'CHANGES', 'en', 'CHANGED', 1, 1],
    ]);
    expect(diffs[1]!.lines.map((l) => l.kind)).toEqual(['UNCHANGED', 'REMOVED', 'ADDED']);
  });

  it('reports removed sections and nothing for equal versions', () => {
    expect(diffSections(v2, v1).map((d) => `${d.clause}.${d.language}:${d.change}`)).toEqual([
      'COOKIES.ja:REMOVED',
      'CHANGES.en:CHANGED',
    ]);
    expect(diffSections(v1, v1)).toEqual([]);
  });
});
