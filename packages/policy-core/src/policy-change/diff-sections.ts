import {
  POLICY_CLAUSE_INFO,
  POLICY_CLAUSES,
  type PolicyClause,
  type PolicyClauseNumber,
} from '../vocabulary/policy-clauses.js';

export const POLICY_LANGUAGES = ['ja', 'en'] as const;
export type PolicyLanguage = (typeof POLICY_LANGUAGES)[number];

/** A policy version's text: per clause, per language. A missing entry means "no text". */
export type PolicySections = { readonly [C in PolicyClause]?: { readonly [L in PolicyLanguage]?: string } };

export type DiffLine =
  | { kind: 'UNCHANGED'; text: string; oldLine: number; newLine: number }
  | { kind: 'REMOVED'; text: string; oldLine: number }
  | { kind: 'ADDED'; text: string; newLine: number };

export type SectionDiff = {
  clause: PolicyClause;
  number: PolicyClauseNumber;
  language: PolicyLanguage;
  /** ADDED / REMOVED when the section exists in only one version. */
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  lines: DiffLine[];
  added: number;
  removed: number;
};

/** CRLF and CR become LF; '' is no lines; otherwise split on LF (a trailing LF gives a last empty line). */
export function splitLines(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  return normalized === '' ? [] : normalized.split('\n');
}

/**
 * A minimal line diff (longest common subsequence). Lines are 1-based. Where several minimal diffs
 * exist, removals come before additions. Quadratic in the lines that differ after the common
 * prefix and suffix are trimmed, which is ample for policy clauses.
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - start;
  const m = endB - start;
  // lcs[i * (m + 1) + j] = LCS length of a[start+i .. endA) and b[start+j .. endB)
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        a[start + i] === b[start + j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  for (let k = 0; k < start; k += 1) out.push({ kind: 'UNCHANGED', text: a[k]!, oldLine: k + 1, newLine: k + 1 });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      out.push({ kind: 'UNCHANGED', text: a[start + i]!, oldLine: start + i + 1, newLine: start + j + 1 });
      i += 1;
      j += 1;
    } else if (j >= m || (i < n && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      out.push({ kind: 'REMOVED', text: a[start + i]!, oldLine: start + i + 1 });
      i += 1;
    } else {
      out.push({ kind: 'ADDED', text: b[start + j]!, newLine: start + j + 1 });
      j += 1;
    }
  }
  for (let k = 0; endA + k < a.length; k += 1) {
    out.push({ kind: 'UNCHANGED', text: a[endA + k]!, oldLine: endA + k + 1, newLine: endB + k + 1 });
  }
  return out;
}

/**
 * The clauses whose text differs between two policy versions, per language, in clause order and
 * then ja, en. Texts equal after line-ending normalisation are unchanged and not listed.
 */
export function diffSections(a: PolicySections, b: PolicySections): SectionDiff[] {
  const result: SectionDiff[] = [];
  for (const clause of POLICY_CLAUSES) {
    for (const language of POLICY_LANGUAGES) {
      const before = a[clause]?.[language];
      const after = b[clause]?.[language];
      if (before === undefined && after === undefined) continue;
      const oldLines = splitLines(before ?? '');
      const newLines = splitLines(after ?? '');
      if (before !== undefined && after !== undefined && oldLines.join('\n') === newLines.join('\n')) continue;
      const lines = diffLines(oldLines, newLines);
      result.push({
        clause,
        number: POLICY_CLAUSE_INFO[clause].number,
        language,
        change: before === undefined ? 'ADDED' : after === undefined ? 'REMOVED' : 'CHANGED',
        lines,
        added: lines.filter((l) => l.kind === 'ADDED').length,
        removed: lines.filter((l) => l.kind === 'REMOVED').length,
      });
    }
  }
  return result;
}
