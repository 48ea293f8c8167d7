/**
 * A ledger entry's chain hash, exactly as the server computes it (apps/api/src/ledger/ledger-hash.ts
 * `entryHash`): hash(n) = SHA-256(hash(n-1) ‖ "\n" ‖ canonical JSON of the entry's content), as
 * lowercase hex. The Merkle leaf of an entry is the 32 bytes of this hash, so recomputing it binds
 * the content a provider reads to the leaf the signed head commits to.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isHashHex } from './bytes.js';
import { canonicalJson } from './canonical-json.js';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: every field but the hash itself, `recordedAt` as Date#toISOString. */
export interface LedgerEntryContent {
  sequence: number;
  id: string;
  recordedAt: string;
  kind: string;
  actor: string;
  providerId: string | null;
  purposeKey: string | null;
  recipientId: string | null;
  categories: string[];
  outcome: string;
  basis: Record<string, unknown> | null;
  policyVersion: number;
  subjectRef: string | null;
  payloadHash: string;
}

export function entryHash(prevHash: string, content: LedgerEntryContent): string {
  return bytesToHex(sha256(utf8ToBytes(`${prevHash}\n${canonicalJson(content)}`)));
}

const str = (v: unknown) => typeof v === 'string';
const strOrNull = (v: unknown) => v === null || typeof v === 'string';
const int = (v: unknown) => Number.isSafeInteger(v);
const CONTENT_FIELDS: Record<keyof LedgerEntryContent, (v: unknown) => boolean> = {
  sequence: int,
  id: str,
  recordedAt: (v) => str(v) && !Number.isNaN(Date.parse(v as string)),
  kind: str,
  actor: str,
  providerId: strOrNull,
  purposeKey: strOrNull,
  recipientId: strOrNull,
  categories: (v) => Array.isArray(v) && v.every(str),
  outcome: str,
  basis: (v) => v === null || (typeof v === 'object' && !Array.isArray(v)),
  policyVersion: int,
  subjectRef: strOrNull,
  payloadHash: isHashHex,
};

/**
 * The fields of `value` that keep it from being an entry's content (missing, of the wrong type, or
 * not part of the format). A wrong shape would only show as a hash mismatch; this names the field.
 */
export function contentFieldProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['content'];
  const record = value as Record<string, unknown>;
  const wrong = Object.entries(CONTENT_FIELDS)
    .filter(([field, valid]) => !Object.hasOwn(record, field) || !valid(record[field]))
    .map(([field]) => field);
  const extra = Object.keys(record).filter((field) => !Object.hasOwn(CONTENT_FIELDS, field));
  return [...wrong, ...extra];
}

export function isEntryContent(value: unknown): value is LedgerEntryContent {
  return contentFieldProblems(value).length === 0;
}
