import { createHash } from 'node:crypto';
import type { SignedTreeHead } from '@steward/policy-core';
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

/**
 * What a restore's signature covers: the RESTORE entry (`sequence`, `hash`), the range it records as
 * lost, the anchor the restore found ahead of the backup, and the restored backup's manifest. Its own
 * domain, so no checkpoint signature (which the server gives any head on request) can stand for it.
 */
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

/** What a checkpoint signature covers. */
export function checkpointStatement(sequence: number, hash: string): string {
  return `steward-ledger-checkpoint/1\n${sequence}\n${hash}`;
}

/**
 * What a signed tree head (STH) covers: the Merkle tree's size and root, when it was signed
 * (Date#toISOString) and the provider map's root (`-`: none in this phase). The wire format is fixed:
 * the offline verifier (packages/verify) builds the same text.
 */
export function treeHeadStatement(treeSize: number, rootHex: string, signedAt: Date, providerMapRoot = '-'): string {
  return `steward-tree-head/1\n${treeSize}\n${rootHex}\n${signedAt.toISOString()}\n${providerMapRoot}`;
}

/**
 * The statement a head signs, for either version: v1 `steward-tree-head/1` (size, root, time, `-`),
 * v2 `steward-tree-head/2` (size, root, time, provider map size, provider map root).
 */
export function treeHeadStatementOf(head: Omit<SignedTreeHead, 'signature' | 'version'> & { version?: 1 | 2 }): string {
  if ((head.version ?? 1) === 1) {
    return `steward-tree-head/1\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}\n${head.providerMapRoot}`;
  }
  return `steward-tree-head/2\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}\n${head.providerMapSize ?? 0}\n${head.providerMapRoot}`;
}
