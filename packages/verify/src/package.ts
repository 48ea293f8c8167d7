/**
 * Verifies a proof package: what Steward hands a provider (or anyone the provider shows it to) so
 * they can check, without Steward's server, that the ledger entries about them are the ones the
 * ledger committed to in a signed tree head — and that the ledger only grew since a head they kept.
 */
import { bytesFromBase64, equalBytes, hashFromHex, isHashHex } from './bytes.js';
import { contentFieldProblems, entryHash, type LedgerEntryContent } from './entry-hash.js';
import { leafHash, type MerkleFailure, verifyConsistency, verifyInclusion } from './merkle.js';
import { type HeadFailure, type SignedTreeHead, verifySignedHead } from './signed-head.js';

export interface PackageEntry {
  /** The entry's 0-based position among the tree's leaves (not its sequence: a restore's hole is no leaf). */
  leafIndex: number;
  prevHash: string;
  content: LedgerEntryContent;
  hash: string;
  /** Audit path, leaf → root, lowercase hex. */
  inclusionProof: string[];
}

export interface ProofPackage {
  head: SignedTreeHead;
  /** The ledger checkpoint key: raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  entries: PackageEntry[];
  /** A head the reader kept from before, to check the ledger only grew since. */
  earlierHead?: SignedTreeHead;
  /** RFC 9162 consistency proof from `earlierHead` to `head`. */
  consistencyProof?: string[];
}

/** Which entry a problem is about, by what a reader can find in the package. */
export interface EntryRef {
  /** 1-based position in the package's `entries`. */
  position: number;
  leafIndex: number | null;
  sequence: number | null;
  id: string | null;
}

export type PackageFailure =
  | MerkleFailure
  | HeadFailure
  | { reason: 'MALFORMED_PACKAGE'; field: string }
  | { reason: 'MALFORMED_ENTRY'; fields: string[] }
  | { reason: 'HASH_MISMATCH'; computed: string; stated: string }
  | { reason: 'KEY_NOT_TRUSTED' }
  | { reason: 'CONSISTENCY_PROOF_MISSING' };

export type Part = 'package' | 'head' | 'earlierHead' | 'entry' | 'consistency';
export type Problem = { part: Part; entry?: EntryRef } & PackageFailure;

/** A head as the result reports it (JSON-friendly). */
export interface HeadSummary {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  providerMapRoot: string | null;
}

export interface PackageResult {
  ok: boolean;
  /** The key the signatures were checked with, and whether the reader supplied it (else the package named it). */
  publicKey: string | null;
  keyPinned: boolean;
  head: HeadSummary | null;
  entries: (EntryRef & { hash: string | null; proven: boolean })[];
  earlierHead: HeadSummary | null;
  /** null when the package carries no earlier head. */
  consistent: boolean | null;
  problems: Problem[];
}

export interface VerifyOptions {
  /** The checkpoint key the reader obtained from the organisation (base64); without it the package's own is used. */
  publicKey?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isHexList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isHashHex);

export function verifyPackage(pkg: unknown, options: VerifyOptions = {}): PackageResult {
  const problems: Problem[] = [];
  const result: PackageResult = {
    ok: false,
    publicKey: null,
    keyPinned: options.publicKey !== undefined,
    head: null,
    entries: [],
    earlierHead: null,
    consistent: null,
    problems,
  };
  if (!isRecord(pkg))
    return { ...result, problems: [{ part: 'package', reason: 'MALFORMED_PACKAGE', field: 'package' }] };
  const field = malformedPackageField(pkg);
  if (field) return { ...result, problems: [{ part: 'package', reason: 'MALFORMED_PACKAGE', field }] };

  const publicKey = options.publicKey ?? (pkg.publicKey as string);
  result.publicKey = publicKey;
  if (options.publicKey !== undefined) {
    const pinned = bytesFromBase64(options.publicKey);
    const named = bytesFromBase64(pkg.publicKey);
    if (!pinned || !named || !equalBytes(pinned, named)) problems.push({ part: 'package', reason: 'KEY_NOT_TRUSTED' });
  }

  const head = verifySignedHead(pkg.head, publicKey);
  if (head.ok) result.head = summary(head);
  else problems.push({ part: 'head', ...failureOf(head) });

  (pkg.entries as unknown[]).forEach((raw, i) => {
    const entry = checkEntry(raw, i + 1, head.ok ? head : null);
    result.entries.push(entry.row);
    problems.push(...entry.problems);
  });

  if (pkg.earlierHead !== undefined) {
    const earlier = verifySignedHead(pkg.earlierHead, publicKey);
    if (earlier.ok) result.earlierHead = summary(earlier);
    else problems.push({ part: 'earlierHead', ...failureOf(earlier) });
    result.consistent = false;
    if (earlier.ok && head.ok) {
      const proof = pkg.consistencyProof as string[] | undefined;
      if (proof === undefined && earlier.treeSize !== head.treeSize) {
        problems.push({ part: 'consistency', reason: 'CONSISTENCY_PROOF_MISSING' });
      } else {
        const path = (proof ?? []).map((h) => hashFromHex(h)!);
        const check = verifyConsistency(earlier.treeSize, head.treeSize, path, earlier.root, head.root);
        if (check.ok) result.consistent = true;
        else problems.push({ part: 'consistency', ...failureOf(check) });
      }
    }
  }

  result.ok = problems.length === 0;
  return result;
}

/** A verifier's failure without its `ok`, to file as a problem. */
function failureOf<F extends PackageFailure>(result: { ok: false } & F): F {
  const { ok: _, ...failure } = result;
  return failure as unknown as F;
}

/** The package's own fields (heads and entries are checked, and named, on their own). */
function malformedPackageField(pkg: Record<string, unknown>): string | null {
  if (typeof pkg.publicKey !== 'string') return 'publicKey';
  if (!Array.isArray(pkg.entries)) return 'entries';
  if (pkg.consistencyProof !== undefined && !isHexList(pkg.consistencyProof)) return 'consistencyProof';
  return null;
}

function summary(head: HeadSummary): HeadSummary {
  return {
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    timestamp: head.timestamp,
    providerMapRoot: head.providerMapRoot,
  };
}

function checkEntry(
  raw: unknown,
  position: number,
  head: { treeSize: number; root: Uint8Array } | null,
): { row: PackageResult['entries'][number]; problems: Problem[] } {
  const e = isRecord(raw) ? raw : {};
  const content = isRecord(e.content) ? e.content : {};
  const ref: EntryRef = {
    position,
    leafIndex: Number.isSafeInteger(e.leafIndex) ? (e.leafIndex as number) : null,
    sequence: Number.isSafeInteger(content.sequence) ? (content.sequence as number) : null,
    id: typeof content.id === 'string' ? content.id : null,
  };
  const row = { ...ref, hash: isHashHex(e.hash) ? e.hash : null, proven: false };
  const fail = (failure: PackageFailure) => ({ row, problems: [{ part: 'entry' as const, entry: ref, ...failure }] });

  const fields = [
    ...(ref.leafIndex === null || ref.leafIndex < 0 ? ['leafIndex'] : []),
    ...(isHashHex(e.prevHash) ? [] : ['prevHash']),
    ...(row.hash === null ? ['hash'] : []),
    ...(isHexList(e.inclusionProof) ? [] : ['inclusionProof']),
    ...contentFieldProblems(e.content).map((f) => (f === 'content' ? f : `content.${f}`)),
  ];
  if (fields.length > 0) return fail({ reason: 'MALFORMED_ENTRY', fields });

  const computed = entryHash(e.prevHash as string, e.content as LedgerEntryContent);
  if (computed !== row.hash) return fail({ reason: 'HASH_MISMATCH', computed, stated: row.hash! });
  // Without a verified head there is no root to prove against; the head's problem says why.
  if (!head) return { row, problems: [] };

  const path = (e.inclusionProof as string[]).map((h) => hashFromHex(h)!);
  const included = verifyInclusion(leafHash(hashFromHex(computed)!), ref.leafIndex!, head.treeSize, path, head.root);
  if (!included.ok) return fail(failureOf(included));
  row.proven = true;
  return { row, problems: [] };
}
