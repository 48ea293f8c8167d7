/**
 * Verifies what Steward hands a provider (or anyone the provider shows it to) so they can check,
 * without Steward's server, that the ledger entries about them are the ones the ledger committed to
 * in a signed tree head — and that the ledger only grew since a head they kept. Three shapes:
 * - a proof package (no `format`): entries with inclusion proofs, no completeness;
 * - an evidence package (`format: "steward-evidence/1"`): ALL the entries about one provider, with
 *   the provider map's proof that they are all (evidence.ts);
 * - a disclosure package (`steward.disclosure/6`) carrying an evidence package under `evidence`.
 */
import { bytesFromBase64, equalBytes, hashFromHex } from './bytes.js';
import { checkEntry, failureOf, headSummary, isHexList, isRecord } from './check-entry.js';
import { EVIDENCE_FORMAT, verifyEvidence } from './evidence.js';
import { type MerkleFailure, verifyConsistency } from './merkle.js';
import type { ProviderMapLeaf } from './provider-map.js';
import type { PackageRestore, RestoreFailureCause, RestoreRecord } from './restore.js';
import { type HeadFailure, type SignedTreeHead, type VerifiedHead, verifySignedHead } from './signed-head.js';
import type { LedgerEntryContent } from './entry-hash.js';

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

/** `steward-evidence/1`: every entry about `providerId` up to the head, and the proof that they are all. */
export interface EvidencePackage {
  format: typeof EVIDENCE_FORMAT;
  head: SignedTreeHead;
  publicKey: string;
  providerId: string;
  entries: PackageEntry[];
  completeness: {
    present: Omit<ProviderMapLeaf, 'providerId'> | null;
    absent: { left: ProviderMapLeaf | null; right: ProviderMapLeaf | null } | null;
  };
  earlierHead: SignedTreeHead | null;
  consistencyProof: string[] | null;
  restores: (PackageRestore & { entry: PackageEntry })[];
}

/** Which entry a problem is about, by what a reader can find in the package. */
export interface EntryRef {
  /** 1-based position in the package's `entries` (or `restores` for a restore's entry). */
  position: number;
  leafIndex: number | null;
  sequence: number | null;
  id: string | null;
}

/** Why a consistency check failed, as INCONSISTENT carries it. */
export type ConsistencyCause = MerkleFailure | { reason: 'CONSISTENCY_PROOF_MISSING' };

export type PackageFailure =
  | MerkleFailure
  | HeadFailure
  | { reason: 'MALFORMED_PACKAGE'; field: string }
  | { reason: 'MALFORMED_ENTRY'; fields: string[] }
  | { reason: 'HASH_MISMATCH'; computed: string; stated: string }
  | { reason: 'KEY_NOT_TRUSTED' }
  | { reason: 'CONSISTENCY_PROOF_MISSING' }
  /** Evidence on a v1 head: inclusion can be proven, completeness cannot. */
  | { reason: 'HEAD_HAS_NO_MAP' }
  | { reason: 'NOT_ABOUT_PROVIDER'; providerId: string | null }
  /** The entries are not the ones the provider map records: `found` of `recorded` (counts, or for LAST_SEQUENCE sequences). */
  | { reason: 'INCOMPLETE'; cause: 'COUNT' | 'LAST_SEQUENCE'; found: number | null; recorded: number }
  /** Same count, other chain: at `position` an entry's sequence is not after the one before it. */
  | { reason: 'INCOMPLETE'; cause: 'ORDER'; position: number }
  /** Same count, other chain, in order: an entry replaced by another. */
  | { reason: 'INCOMPLETE'; cause: 'CHAIN' }
  | { reason: 'MAP_PROOF_FAILED'; leaf: 'present' | 'left' | 'right'; cause: MerkleFailure }
  | { reason: 'ABSENCE_NOT_PROVEN'; cause: 'NOT_BRACKETING' | 'NOT_ADJACENT' | 'NOT_AT_EDGE' | 'EMPTY_MAP_ROOT' }
  | { reason: 'RESTORE_NOT_PROVEN'; cause: RestoreFailureCause }
  | { reason: 'INCONSISTENT'; cause: ConsistencyCause };

export type Part = 'package' | 'head' | 'earlierHead' | 'entry' | 'consistency' | 'completeness' | 'restore';
export type Problem = { part: Part; entry?: EntryRef } & PackageFailure;

/** Not tampering, but not verified either: the ledger itself records why the check cannot pass. */
export interface Warning {
  reason: 'EARLIER_HEAD_ACROSS_RESTORE';
  earlierTreeSize: number;
  earlierTimestamp: string;
  restores: RestoreRecord[];
}

/** A head as the result reports it (JSON-friendly). */
export interface HeadSummary {
  version: 1 | 2;
  treeSize: number;
  rootHash: string;
  timestamp: string;
  providerMapRoot: string | null;
  providerMapSize: number | null;
}

export interface Completeness {
  /** Proven that `entries` are all the entries about the provider up to the head (none, when absent). */
  proven: boolean;
  absent: boolean;
  /** What the provider map records (0 when absent), once its proof verified. */
  entryCount: number | null;
}

export interface PackageResult {
  ok: boolean;
  /** verified: everything proven; restored: no problem, but a recorded restore stands between your earlier head and this one; failed: see `problems`. */
  status: 'verified' | 'restored' | 'failed';
  format: 'proof' | 'evidence';
  /** The evidence came inside a disclosure package (`evidence`). */
  disclosure: boolean;
  /** The key the signatures were checked with, and whether the reader supplied it (else the package named it). */
  publicKey: string | null;
  keyPinned: boolean;
  head: HeadSummary | null;
  /** Evidence: whom the entries are about. */
  providerId: string | null;
  entries: (EntryRef & { hash: string | null; proven: boolean })[];
  /** Evidence only. */
  completeness: Completeness | null;
  earlierHead: HeadSummary | null;
  /** null when the package carries no earlier head. */
  consistent: boolean | null;
  problems: Problem[];
  warnings: Warning[];
}

export interface VerifyOptions {
  /** The checkpoint key the reader obtained from the organisation (base64); without it the package's own is used. */
  publicKey?: string;
}

/** The checks both formats share: the key, the head, each entry. */
export interface Checked {
  result: PackageResult;
  head: ({ ok: true } & VerifiedHead) | null;
  key: Uint8Array | null;
  /** The well-formed, hash-verified content of each entry (null where it is not). */
  contents: (LedgerEntryContent | null)[];
}

export function emptyResult(options: VerifyOptions, format: PackageResult['format']): PackageResult {
  return {
    ok: false,
    status: 'failed',
    format,
    disclosure: false,
    publicKey: null,
    keyPinned: options.publicKey !== undefined,
    head: null,
    providerId: null,
    entries: [],
    completeness: null,
    earlierHead: null,
    consistent: null,
    problems: [],
    warnings: [],
  };
}

export function malformed(result: PackageResult, field: string): PackageResult {
  return { ...result, problems: [{ part: 'package', reason: 'MALFORMED_PACKAGE', field }] };
}

export function checkCommon(pkg: Record<string, unknown>, result: PackageResult, options: VerifyOptions): Checked {
  const problems = result.problems;
  const publicKey = options.publicKey ?? (pkg.publicKey as string);
  result.publicKey = publicKey;
  if (options.publicKey !== undefined) {
    const pinned = bytesFromBase64(options.publicKey);
    const named = bytesFromBase64(pkg.publicKey);
    if (!pinned || !named || !equalBytes(pinned, named)) problems.push({ part: 'package', reason: 'KEY_NOT_TRUSTED' });
  }
  const head = verifySignedHead(pkg.head, publicKey);
  if (head.ok) result.head = headSummary(head);
  else problems.push({ part: 'head', ...failureOf(head) });

  const contents = (pkg.entries as unknown[]).map((raw, i) => {
    const entry = checkEntry(raw, i + 1, head.ok ? head : null);
    result.entries.push(entry.row);
    problems.push(...entry.problems);
    return entry.content;
  });
  const key = bytesFromBase64(publicKey);
  return { result, head: head.ok ? head : null, key: head.ok ? key : null, contents };
}

/** Verifies the earlier head's signature; returns it when it verifies. */
export function checkEarlierHead(raw: unknown, result: PackageResult): ({ ok: true } & VerifiedHead) | null {
  const earlier = verifySignedHead(raw, result.publicKey ?? '');
  if (earlier.ok) result.earlierHead = headSummary(earlier);
  else result.problems.push({ part: 'earlierHead', ...failureOf(earlier) });
  result.consistent = false;
  return earlier.ok ? earlier : null;
}

export function finish(result: PackageResult): PackageResult {
  result.ok = result.problems.length === 0 && result.warnings.length === 0;
  result.status = result.problems.length > 0 ? 'failed' : result.warnings.length > 0 ? 'restored' : 'verified';
  return result;
}

/** Verifies any of the three shapes (see the top of this file). */
export function verifyPackage(pkg: unknown, options: VerifyOptions = {}): PackageResult {
  if (!isRecord(pkg)) return malformed(emptyResult(options, 'proof'), 'package');
  if (pkg.evidence !== undefined) {
    if (!isRecord(pkg.evidence) || pkg.evidence.format !== EVIDENCE_FORMAT) {
      return malformed(emptyResult(options, 'evidence'), 'evidence.format');
    }
    return { ...verifyEvidence(pkg.evidence, options), disclosure: true };
  }
  if (pkg.format === EVIDENCE_FORMAT) return verifyEvidence(pkg, options);
  if (pkg.format !== undefined) return malformed(emptyResult(options, 'proof'), 'format');
  return verifyProofPackage(pkg, options);
}

function verifyProofPackage(pkg: Record<string, unknown>, options: VerifyOptions): PackageResult {
  const result = emptyResult(options, 'proof');
  const field = malformedProofPackageField(pkg);
  if (field) return malformed(result, field);
  const { head } = checkCommon(pkg, result, options);

  if (pkg.earlierHead !== undefined) {
    const earlier = checkEarlierHead(pkg.earlierHead, result);
    if (earlier && head) {
      const proof = pkg.consistencyProof as string[] | undefined;
      if (proof === undefined && earlier.treeSize !== head.treeSize) {
        result.problems.push({ part: 'consistency', reason: 'CONSISTENCY_PROOF_MISSING' });
      } else {
        const path = (proof ?? []).map((h) => hashFromHex(h)!);
        const check = verifyConsistency(earlier.treeSize, head.treeSize, path, earlier.root, head.root);
        if (check.ok) result.consistent = true;
        else result.problems.push({ part: 'consistency', ...failureOf(check) });
      }
    }
  }
  return finish(result);
}

/** The package's own fields (heads and entries are checked, and named, on their own). */
function malformedProofPackageField(pkg: Record<string, unknown>): string | null {
  if (typeof pkg.publicKey !== 'string') return 'publicKey';
  if (!Array.isArray(pkg.entries)) return 'entries';
  if (pkg.consistencyProof !== undefined && !isHexList(pkg.consistencyProof)) return 'consistencyProof';
  return null;
}
