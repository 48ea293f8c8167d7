import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Steward's API keys: `<prefix>_<keyId>_<secret>`, 16 hex digits of public id and 64 hex digits
 * (256 bits) of secret. Partner keys (a recipient's system) start `stw_`, internal-system keys
 * `sys_`: the prefix says which table a key is looked up in, so one kind never passes for the other.
 */
export const API_KEY_PREFIXES = { partner: 'stw', system: 'sys' } as const;
export type ApiKeyKind = keyof typeof API_KEY_PREFIXES;

const KEY_PATTERNS: Readonly<Record<ApiKeyKind, RegExp>> = {
  partner: /^stw_([0-9a-f]{16})_([0-9a-f]{64})$/,
  system: /^sys_([0-9a-f]{16})_([0-9a-f]{64})$/,
};

export interface IssuedKey {
  /** The whole key, shown to the admin once and never stored. */
  key: string;
  keyId: string;
  secretHash: string;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function generateApiKey(kind: ApiKeyKind): IssuedKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('hex');
  return { key: `${API_KEY_PREFIXES[kind]}_${keyId}_${secret}`, keyId, secretHash: hashSecret(secret) };
}

/** The kind a presented key claims to be by its prefix; undefined when it has none of Steward's prefixes. */
export function apiKeyKindOf(key: string): ApiKeyKind | undefined {
  if (key.startsWith(`${API_KEY_PREFIXES.system}_`)) return 'system';
  if (key.startsWith(`${API_KEY_PREFIXES.partner}_`)) return 'partner';
  return undefined;
}

/** Splits a presented key into its id and secret; null when it is not shaped like a key of this kind. */
export function parseApiKey(kind: ApiKeyKind, key: string): { keyId: string; secret: string } | null {
  const match = KEY_PATTERNS[kind].exec(key);
  return match ? { keyId: match[1]!, secret: match[2]! } : null;
}

/** Whether a presented secret matches the stored hash (constant time). */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
