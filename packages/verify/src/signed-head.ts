/**
 * The signed tree head (STH): the ledger's size and Merkle root at a moment, signed with the
 * ledger's checkpoint key (Ed25519, RFC 8032). The statement is text, one value a line, under its
 * own domain so no other Steward signature can stand for it: `steward-tree-head/1` (no provider
 * map) or `steward-tree-head/2` (also the provider map's size and root, which completeness needs).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesFromBase64, hashFromHex, isHashHex } from './bytes.js';

/** A signed tree head as it travels: hashes in lowercase hex, the signature in base64. */
export interface SignedTreeHead {
  /** 1 (or absent): no provider map; 2: the head commits to the provider map too. */
  version?: 1 | 2;
  treeSize: number;
  rootHash: string;
  /** ISO-8601 UTC with milliseconds (Date#toISOString). */
  timestamp: string;
  /** v2: the number of leaves in the provider map. */
  providerMapSize?: number;
  /** v2: the provider map's root. v1: `-` (a hash there is signed but commits to nothing checkable). */
  providerMapRoot: string;
  signature: string;
}

/** What the head's signature covers (UTF-8), for either version (the server's `treeHeadStatementOf`). */
export function treeHeadStatement(head: Omit<SignedTreeHead, 'signature'>): string {
  if ((head.version ?? 1) === 1) {
    return `steward-tree-head/1\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}\n${head.providerMapRoot}`;
  }
  return `steward-tree-head/2\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}\n${head.providerMapSize}\n${head.providerMapRoot}`;
}

export interface VerifiedHead {
  version: 1 | 2;
  treeSize: number;
  rootHash: string;
  root: Uint8Array;
  timestamp: string;
  /** null when the head commits to no provider map (v1; a v1 head's hash there is returned, not checkable). */
  providerMapRoot: string | null;
  /** The provider map's size: v2 heads only. */
  providerMapSize: number | null;
}

export type HeadField = keyof SignedTreeHead | 'head';
export type HeadFailure =
  { reason: 'MALFORMED_HEAD'; field: HeadField } | { reason: 'BAD_PUBLIC_KEY' } | { reason: 'BAD_SIGNATURE' };
export type HeadResult = ({ ok: true } & VerifiedHead) | ({ ok: false } & HeadFailure);

const isSize = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isIsoTimestamp = (v: unknown): v is string =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;

/** The first field of `value` that is not as the format says, or null. */
function malformedField(value: unknown): HeadField | null {
  if (value === null || typeof value !== 'object') return 'head';
  const h = value as Record<string, unknown>;
  if (h.version !== undefined && h.version !== 1 && h.version !== 2) return 'version';
  if (!isSize(h.treeSize)) return 'treeSize';
  if (!isHashHex(h.rootHash)) return 'rootHash';
  if (!isIsoTimestamp(h.timestamp)) return 'timestamp';
  if (h.version === 2) {
    if (!isSize(h.providerMapSize)) return 'providerMapSize';
    if (!isHashHex(h.providerMapRoot)) return 'providerMapRoot';
  } else if (h.providerMapRoot !== '-' && !isHashHex(h.providerMapRoot)) return 'providerMapRoot';
  if (bytesFromBase64(h.signature)?.length !== 64) return 'signature';
  return null;
}

/**
 * Checks the head's shape and its Ed25519 signature under `publicKey` (the raw 32-byte key, base64).
 * Strict RFC 8032 verification (no ZIP-215 leniency), as the server's OpenSSL signs and checks.
 */
export function verifySignedHead(head: unknown, publicKey: string): HeadResult {
  const field = malformedField(head);
  if (field) return { ok: false, reason: 'MALFORMED_HEAD', field };
  const h = head as SignedTreeHead;
  const key = bytesFromBase64(publicKey);
  if (key?.length !== 32 || !ed25519.utils.isValidPublicKey(key, false)) return { ok: false, reason: 'BAD_PUBLIC_KEY' };
  const signature = bytesFromBase64(h.signature)!;
  let valid: boolean;
  try {
    valid = ed25519.verify(signature, utf8ToBytes(treeHeadStatement(h)), key, { zip215: false });
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'BAD_SIGNATURE' };
  const version = h.version ?? 1;
  return {
    ok: true,
    version,
    treeSize: h.treeSize,
    rootHash: h.rootHash,
    root: hashFromHex(h.rootHash)!,
    timestamp: h.timestamp,
    providerMapRoot: h.providerMapRoot === '-' ? null : h.providerMapRoot,
    providerMapSize: version === 2 ? h.providerMapSize! : null,
  };
}
