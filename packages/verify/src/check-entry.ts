/** Checks shared by both package formats: one entry (hash, inclusion), heads, failures as problems. */
import { hashFromHex, isHashHex } from './bytes.js';
import { contentFieldProblems, entryHash, type LedgerEntryContent } from './entry-hash.js';
import { leafHash, verifyInclusion } from './merkle.js';
import type { EntryRef, HeadSummary, PackageFailure, PackageResult, Problem } from './package.js';
import type { VerifiedHead } from './signed-head.js';

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
export const isHexList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isHashHex);

/** A verifier's failure without its `ok`, to file as a problem. */
export function failureOf<F extends PackageFailure>(result: { ok: false } & F): F {
  const { ok: _, ...failure } = result;
  return failure as unknown as F;
}

export function headSummary(head: VerifiedHead): HeadSummary {
  return {
    version: head.version,
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    timestamp: head.timestamp,
    providerMapRoot: head.providerMapRoot,
    providerMapSize: head.providerMapSize,
  };
}

export type EntryRow = PackageResult['entries'][number];

/**
 * One entry: its fields, its hash recomputed from prevHash and content, and its inclusion under the
 * head (when the head verified). `content` is returned when the entry is well-formed.
 */
export function checkEntry(
  raw: unknown,
  position: number,
  head: { treeSize: number; root: Uint8Array } | null,
  part: 'entry' | 'restore' = 'entry',
): { row: EntryRow; problems: Problem[]; content: LedgerEntryContent | null } {
  const e = isRecord(raw) ? raw : {};
  const content = isRecord(e.content) ? e.content : {};
  const ref: EntryRef = {
    position,
    leafIndex: Number.isSafeInteger(e.leafIndex) ? (e.leafIndex as number) : null,
    sequence: Number.isSafeInteger(content.sequence) ? (content.sequence as number) : null,
    id: typeof content.id === 'string' ? content.id : null,
  };
  const row: EntryRow = { ...ref, hash: isHashHex(e.hash) ? e.hash : null, proven: false };
  const fail = (failure: PackageFailure) => ({ row, problems: [{ part, entry: ref, ...failure }], content: null });

  const fields = [
    ...(ref.leafIndex === null || ref.leafIndex < 0 ? ['leafIndex'] : []),
    ...(isHashHex(e.prevHash) ? [] : ['prevHash']),
    ...(row.hash === null ? ['hash'] : []),
    ...(isHexList(e.inclusionProof) ? [] : ['inclusionProof']),
    ...contentFieldProblems(e.content).map((f) => (f === 'content' ? f : `content.${f}`)),
  ];
  if (fields.length > 0) return fail({ reason: 'MALFORMED_ENTRY', fields });

  const valid = e.content as LedgerEntryContent;
  const computed = entryHash(e.prevHash as string, valid);
  if (computed !== row.hash) return fail({ reason: 'HASH_MISMATCH', computed, stated: row.hash! });
  // Without a verified head there is no root to prove against; the head's problem says why.
  if (!head) return { row, problems: [], content: valid };

  const path = (e.inclusionProof as string[]).map((h) => hashFromHex(h)!);
  const included = verifyInclusion(leafHash(hashFromHex(computed)!), ref.leafIndex!, head.treeSize, path, head.root);
  if (!included.ok) return fail(failureOf(included));
  row.proven = true;
  return { row, problems: [], content: valid };
}
