/**
 * `steward-evidence/1`: every ledger entry about one provider up to a v2 head, the provider map's
 * proof that these are all of them (provider-map.ts), and — when the provider handed in a head they
 * kept — either a consistency proof from it or the signed restores that explain why there is none.
 */
import { hashFromHex } from './bytes.js';
import { checkEntry, failureOf, isHexList, isRecord } from './check-entry.js';
import type { LedgerEntryContent } from './entry-hash.js';
import { verifyConsistency } from './merkle.js';
import {
  checkCommon,
  checkEarlierHead,
  emptyResult,
  finish,
  malformed,
  type Completeness,
  type PackageFailure,
  type PackageResult,
  type Problem,
  type VerifyOptions,
} from './package.js';
import {
  EMPTY_MAP_ROOT,
  malformedMapLeaf,
  providerChain,
  type ProviderMapLeaf,
  type SignedMap,
  verifyMapLeaf,
} from './provider-map.js';
import { checkRestore, malformedRestore, type PackageRestore, type RestoreRecord } from './restore.js';
import type { VerifiedHead } from './signed-head.js';

export const EVIDENCE_FORMAT = 'steward-evidence/1';

type Head = { ok: true } & VerifiedHead;

export function verifyEvidence(pkg: Record<string, unknown>, options: VerifyOptions): PackageResult {
  const result = emptyResult(options, 'evidence');
  const field = malformedEvidenceField(pkg);
  if (field) return malformed(result, field);
  const providerId = pkg.providerId as string;
  result.providerId = providerId;
  const { head, key, contents } = checkCommon(pkg, result, options);

  contents.forEach((content, i) => {
    if (content && content.providerId !== providerId) {
      result.problems.push({
        part: 'entry',
        entry: result.entries[i]!,
        reason: 'NOT_ABOUT_PROVIDER',
        providerId: content.providerId,
      });
    }
  });

  if (head && head.version !== 2) result.problems.push({ part: 'head', reason: 'HEAD_HAS_NO_MAP' });
  else if (head) {
    const map: SignedMap = { size: head.providerMapSize!, root: hashFromHex(head.providerMapRoot)! };
    const about = (pkg.entries as Record<string, unknown>[]).filter(
      (_, i) => contents[i]?.providerId === providerId,
    ) as unknown as { hash: string; content: LedgerEntryContent }[];
    result.completeness = checkCompleteness(pkg.completeness as CompletenessJson, providerId, about, map, result);
  }

  if (pkg.earlierHead !== null) checkEarlier(pkg, head, key, result);
  else checkRestores(pkg, head, key, null, result);
  return finish(result);
}

interface CompletenessJson {
  present: Omit<ProviderMapLeaf, 'providerId'> | null;
  absent: { left: ProviderMapLeaf | null; right: ProviderMapLeaf | null } | null;
}

function checkCompleteness(
  completeness: CompletenessJson,
  providerId: string,
  about: { hash: string; content: LedgerEntryContent }[],
  map: SignedMap,
  result: PackageResult,
): Completeness {
  const problems: Problem[] = [];
  const fail = (failure: PackageFailure) => problems.push({ part: 'completeness', ...failure });
  let entryCount: number | null = null;

  const present = completeness.present;
  if (present) {
    const proof = verifyMapLeaf({ ...present, providerId }, map);
    if (!proof.ok) fail({ reason: 'MAP_PROOF_FAILED', leaf: 'present', cause: proof.cause });
    else entryCount = present.entryCount;
    const incomplete = compareChain(about, present);
    if (incomplete) fail(incomplete);
  } else {
    const { left, right } = completeness.absent!;
    // Entries about the provider that the map says has none: the map (or the entries) lie.
    if (about.length > 0) fail({ reason: 'INCOMPLETE', cause: 'COUNT', found: about.length, recorded: 0 });
    for (const [side, leaf] of [
      ['left', left],
      ['right', right],
    ] as const) {
      const proof = leaf ? verifyMapLeaf(leaf, map) : null;
      if (proof && !proof.ok) fail({ reason: 'MAP_PROOF_FAILED', leaf: side, cause: proof.cause });
    }
    const absence = absenceFailure(left, right, providerId, map);
    if (absence) fail({ reason: 'ABSENCE_NOT_PROVEN', cause: absence });
    if (problems.length === 0) entryCount = 0;
  }
  result.problems.push(...problems);
  return { proven: problems.length === 0, absent: present === null, entryCount };
}

/** Why the entries are not the ones the map leaf records, or null when they are. */
function compareChain(
  about: { hash: string; content: LedgerEntryContent }[],
  leaf: { entryCount: number; chainHash: string; lastSequence: number },
): PackageFailure | null {
  if (about.length !== leaf.entryCount) {
    return { reason: 'INCOMPLETE', cause: 'COUNT', found: about.length, recorded: leaf.entryCount };
  }
  if (providerChain(about.map((e) => e.hash)) !== leaf.chainHash) {
    const position = about.findIndex((e, i) => i > 0 && e.content.sequence <= about[i - 1]!.content.sequence);
    return position > 0
      ? { reason: 'INCOMPLETE', cause: 'ORDER', position: position + 1 }
      : { reason: 'INCOMPLETE', cause: 'CHAIN' };
  }
  const last = about.at(-1)?.content.sequence ?? null;
  if (last !== leaf.lastSequence) {
    return { reason: 'INCOMPLETE', cause: 'LAST_SEQUENCE', found: last, recorded: leaf.lastSequence };
  }
  return null;
}

/** Two map leaves prove an id absent when they are adjacent and the id sorts between them (or past an end). */
function absenceFailure(
  left: ProviderMapLeaf | null,
  right: ProviderMapLeaf | null,
  providerId: string,
  map: SignedMap,
): 'NOT_BRACKETING' | 'NOT_ADJACENT' | 'NOT_AT_EDGE' | 'EMPTY_MAP_ROOT' | null {
  // JS string order, as the server sorts the map (contract §2).
  if ((left && !(left.providerId < providerId)) || (right && !(providerId < right.providerId))) return 'NOT_BRACKETING';
  if (left && right) return right.mapLeafIndex === left.mapLeafIndex + 1 ? null : 'NOT_ADJACENT';
  if (right) return right.mapLeafIndex === 0 ? null : 'NOT_AT_EDGE';
  if (left) return left.mapLeafIndex === map.size - 1 ? null : 'NOT_AT_EDGE';
  if (map.size !== 0) return 'NOT_AT_EDGE';
  return hashFromHex(EMPTY_MAP_ROOT)!.every((b, i) => b === map.root[i]) ? null : 'EMPTY_MAP_ROOT';
}

/**
 * The earlier head: proven consistent, or — without a proof — explained by signed restores recorded
 * after it (a warning, not ok), or else inconsistent.
 */
function checkEarlier(pkg: Record<string, unknown>, head: Head | null, key: Uint8Array | null, result: PackageResult) {
  const earlier = checkEarlierHead(pkg.earlierHead, result);
  const proof = pkg.consistencyProof as string[] | null;
  if (!earlier || !head) return checkRestores(pkg, head, key, earlier?.timestamp ?? null, result);
  const sameTree = earlier.treeSize === head.treeSize && earlier.rootHash === head.rootHash;
  if (proof !== null || sameTree) {
    const check = verifyConsistency(
      earlier.treeSize,
      head.treeSize,
      (proof ?? []).map((h) => hashFromHex(h)!),
      earlier.root,
      head.root,
    );
    if (check.ok) result.consistent = true;
    else result.problems.push({ part: 'consistency', reason: 'INCONSISTENT', cause: failureOf(check) });
    return checkRestores(pkg, head, key, earlier.timestamp, result);
  }
  const restores = checkRestores(pkg, head, key, earlier.timestamp, result);
  if (restores.length > 0 && restores.every((r) => r !== null)) {
    result.warnings.push({
      reason: 'EARLIER_HEAD_ACROSS_RESTORE',
      earlierTreeSize: earlier.treeSize,
      earlierTimestamp: earlier.timestamp,
      restores: restores as RestoreRecord[],
    });
  } else {
    result.problems.push({
      part: 'consistency',
      reason: 'INCONSISTENT',
      cause: { reason: 'CONSISTENCY_PROOF_MISSING' },
    });
  }
}

/** Each restore: its entry's hash and inclusion, its basis, its signature. null where one fails (the problem is filed). */
function checkRestores(
  pkg: Record<string, unknown>,
  head: Head | null,
  key: Uint8Array | null,
  earlierTimestamp: string | null,
  result: PackageResult,
): (RestoreRecord | null)[] {
  const restores = (pkg.restores ?? []) as PackageRestore[];
  return restores.map((restore, i) => {
    const checked = checkEntry(restore.entry, i + 1, head, 'restore');
    result.problems.push(...checked.problems);
    if (!checked.content || !head || !key) return null;
    const check = checkRestore(restore, checked.content, checked.row.hash!, key, earlierTimestamp);
    if (check.ok) return check.record;
    result.problems.push({ part: 'restore', entry: checked.row, reason: 'RESTORE_NOT_PROVEN', cause: check.cause });
    return null;
  });
}

/** The package's own fields, named as `completeness.present.chainHash` etc. */
function malformedEvidenceField(pkg: Record<string, unknown>): string | null {
  if (typeof pkg.publicKey !== 'string') return 'publicKey';
  if (typeof pkg.providerId !== 'string') return 'providerId';
  if (!Array.isArray(pkg.entries)) return 'entries';
  const c = pkg.completeness;
  if (!isRecord(c)) return 'completeness';
  if (((c.present ?? null) === null) === ((c.absent ?? null) === null)) return 'completeness';
  if (c.present != null) {
    const bad = malformedMapLeaf(c.present, 'completeness.present', false);
    if (bad) return bad;
  } else {
    if (!isRecord(c.absent)) return 'completeness.absent';
    for (const side of ['left', 'right'] as const) {
      const leaf = c.absent[side] ?? null;
      const bad = leaf === null ? null : malformedMapLeaf(leaf, `completeness.absent.${side}`, true);
      if (bad) return bad;
    }
  }
  if (pkg.earlierHead === undefined) return 'earlierHead';
  if (pkg.consistencyProof !== null && !isHexList(pkg.consistencyProof)) return 'consistencyProof';
  const restores = pkg.restores ?? [];
  if (!Array.isArray(restores)) return 'restores';
  for (const [i, r] of restores.entries()) {
    const bad = malformedRestore(r, `restores[${i}]`);
    if (bad) return bad;
  }
  return null;
}
