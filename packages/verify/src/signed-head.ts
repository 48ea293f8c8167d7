/**
 * The signed tree head (STH): the ledger's size and Merkle root at a moment, signed with the
 * ledger's checkpoint key (Ed25519, RFC 8032). The statement is text, one value a line, under its
 * own domain (`steward-tree-head/1`) so no other Steward signature can stand for it.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { bytesFromBase64, hashFromHex, isHashHex } from './bytes.js';

/** A signed tree head as it travels: hashes in lowercase hex, the signature in base64. */
export interface SignedTreeHead {
  treeSize: number;
  rootHash: string;
  /** ISO-8601 UTC with milliseconds (Date#toISOString). */
  timestamp: string;
  /** The root of the per-provider map the head commits to, or `-` when it commits to none (reserved). */
  providerMapRoot: string;
  signature: string;
}

/** What the head's signature covers (UTF-8). */
export function treeHeadStatement(head: Omit<SignedTreeHead, 'signature'>): string {
  return `steward-tree-head/1\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}\n${head.providerMapRoot}`;
}

export interface VerifiedHead {
  treeSize: number;
  rootHash: string;
  root: Uint8Array;
  timestamp: string;
  /** null while heads commit to no provider map. */
  providerMapRoot: string | null;
}

export type HeadField = keyof SignedTreeHead | 'head';
export type HeadFailure =
  { reason: 'MALFORMED_HEAD'; field: HeadField } | { reason: 'BAD_PUBLIC_KEY' } | { reason: 'BAD_SIGNATURE' };
export type HeadResult = ({ ok: true } & VerifiedHead) | ({ ok: false } & HeadFailure);

const isIsoTimestamp = (v: unknown): v is string =>
  typeof v === 'string' && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;

/** The first field of `value` that is not as the format says, or null. */
function malformedField(value: unknown): HeadField | null {
  if (value === null || typeof value !== 'object') return 'head';
  const h = value as Record<string, unknown>;
  if (!Number.isSafeInteger(h.treeSize) || (h.treeSize as number) < 0) return 'treeSize';
  if (!isHashHex(h.rootHash)) return 'rootHash';
  if (!isIsoTimestamp(h.timestamp)) return 'timestamp';
  if (h.providerMapRoot !== '-' && !isHashHex(h.providerMapRoot)) return 'providerMapRoot';
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
  return {
    ok: true,
    treeSize: h.treeSize,
    rootHash: h.rootHash,
    root: hashFromHex(h.rootHash)!,
    timestamp: h.timestamp,
    providerMapRoot: h.providerMapRoot === '-' ? null : h.providerMapRoot,
  };
}
