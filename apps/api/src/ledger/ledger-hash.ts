import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers: everything but the hash itself. */
export interface LedgerEntryContent {
  sequence: number;
  id: string;
  recordedAt: Date;
  kind: string;
  actor: string;
  providerId: string | null;
  purposeKey: string | null;
  recipientId: string | null;
  categories: readonly string[];
  outcome: string;
  basis: Record<string, unknown> | null;
  policyVersion: number;
  subjectRef: string | null;
  payloadHash: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** hash(n) = SHA-256(hash(n-1) ‖ canonical content(n)): changing, removing or reordering any entry breaks every later link. */
export function entryHash(prevHash: string, content: LedgerEntryContent): string {
  return sha256(`${prevHash}\n${canonicalJson({ ...content, recordedAt: content.recordedAt.toISOString() })}`);
}

/** What a checkpoint signature covers. */
export function checkpointStatement(sequence: number, hash: string): string {
  return `steward-ledger-checkpoint/1\n${sequence}\n${hash}`;
}
