/**
 * A restore of an older backup loses the entries after it; the server records that loss in a signed
 * RESTORE entry instead of hiding it. An earlier head the provider kept may then be inconsistent with
 * the current one for a reason the ledger itself states: this checks that statement, so the reader
 * sees "entries n–m were lost in a restore on this date", told apart from tampering.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesFromBase64, isHashHex } from './bytes.js';
import type { LedgerEntryContent } from './entry-hash.js';

/** A restore as the evidence package carries it (the RESTORE entry with its inclusion proof, and what it signed). */
export interface PackageRestore {
  entry: unknown;
  lostFrom: number;
  lostTo: number;
  anchor: { sequence: number; hash: string };
  manifestHash: string;
  /** Ed25519 over `restoreStatement`, base64, with the ledger's checkpoint key. */
  restoreSignature: string;
}

/** What a restore signs (apps/api/src/ledger/ledger-hash.ts `restoreStatement`). */
export function restoreStatement(r: {
  sequence: number;
  hash: string;
  lostFrom: number;
  lostTo: number;
  anchor: { sequence: number; hash: string };
  manifestHash: string;
}): string {
  return `steward-ledger-restore/1\n${r.sequence}\n${r.hash}\n${r.lostFrom}\n${r.lostTo}\n${r.anchor.sequence}:${r.anchor.hash}\n${r.manifestHash}`;
}

/** A proven restore, as the reader is told about it. */
export interface RestoreRecord {
  /** The RESTORE entry's sequence (the first number after the lost range). */
  sequence: number;
  lostFrom: number;
  lostTo: number;
  /** When the RESTORE entry was recorded. */
  recordedAt: string;
  /** When the restored backup was made, as the entry's basis names it. */
  backupCreatedAt: string | null;
}

export type RestoreFailureCause = 'NOT_A_RESTORE' | 'STATEMENT_MISMATCH' | 'SIGNATURE' | 'BEFORE_EARLIER_HEAD';

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The first field of `restores[i]` (the entry aside, checked as an entry) that is not as the format says. */
export function malformedRestore(value: unknown, prefix: string): string | null {
  if (!isRecord(value)) return prefix;
  if (!isInt(value.lostFrom)) return `${prefix}.lostFrom`;
  if (!isInt(value.lostTo)) return `${prefix}.lostTo`;
  const anchor = value.anchor;
  if (!isRecord(anchor) || !isInt(anchor.sequence) || !isHashHex(anchor.hash)) return `${prefix}.anchor`;
  if (typeof value.manifestHash !== 'string') return `${prefix}.manifestHash`;
  if (bytesFromBase64(value.restoreSignature)?.length !== 64) return `${prefix}.restoreSignature`;
  return null;
}

/**
 * Given a RESTORE entry whose hash (and inclusion) the caller verified: does the entry's own basis
 * record the range the package states, is the restore's signature good, and was it recorded after the
 * earlier head (only then can it explain that head's inconsistency)?
 */
export function checkRestore(
  restore: PackageRestore,
  content: LedgerEntryContent,
  hash: string,
  key: Uint8Array,
  earlierTimestamp: string | null,
): { ok: true; record: RestoreRecord } | { ok: false; cause: RestoreFailureCause } {
  if (content.kind !== 'RESTORE') return { ok: false, cause: 'NOT_A_RESTORE' };
  const basis = isRecord(content.basis) && isRecord(content.basis.restore) ? content.basis.restore : {};
  const anchor = isRecord(basis.anchor) ? basis.anchor : {};
  const backup = isRecord(basis.backup) ? basis.backup : {};
  const recorded =
    basis.lostFrom === restore.lostFrom &&
    basis.lostTo === restore.lostTo &&
    restore.lostTo === content.sequence - 1 &&
    anchor.sequence === restore.anchor.sequence &&
    anchor.hash === restore.anchor.hash &&
    backup.manifestHash === restore.manifestHash;
  if (!recorded) return { ok: false, cause: 'STATEMENT_MISMATCH' };
  const statement = restoreStatement({ ...restore, sequence: content.sequence, hash });
  let valid: boolean;
  try {
    const signature = bytesFromBase64(restore.restoreSignature)!;
    valid = ed25519.verify(signature, utf8ToBytes(statement), key, { zip215: false });
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, cause: 'SIGNATURE' };
  if (earlierTimestamp !== null && Date.parse(content.recordedAt) < Date.parse(earlierTimestamp)) {
    return { ok: false, cause: 'BEFORE_EARLIER_HEAD' };
  }
  return {
    ok: true,
    record: {
      sequence: content.sequence,
      lostFrom: restore.lostFrom,
      lostTo: restore.lostTo,
      recordedAt: content.recordedAt,
      backupCreatedAt: typeof backup.createdAt === 'string' ? backup.createdAt : null,
    },
  };
}
