import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `stw_<keyId>_<secret>`: 16 hex digits of public id, 64 hex digits (256 bits) of secret. */
const KEY_PATTERN = /^stw_([0-9a-f]{16})_([0-9a-f]{64})$/;

export interface IssuedKey {
  /** The whole key, shown to the admin once and never stored. */
  key: string;
  keyId: string;
  secretHash: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function generatePartnerKey(): IssuedKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('hex');
  return { key: `stw_${keyId}_${secret}`, keyId, secretHash: hashSecret(secret) };
}

/** Splits a presented key into its id and secret; null when it is not shaped like a Steward key. */
export function parsePartnerKey(key: string): { keyId: string; secret: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { keyId: match[1]!, secret: match[2]! } : null;
}

/** Whether a presented secret matches the stored hash (constant time). */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
