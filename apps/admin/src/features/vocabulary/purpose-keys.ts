import { validatePurposeKey } from '@steward/policy-core';

/**
 * Why `key` cannot name a purpose outside the stated ones (policy-core's rule for purpose keys),
 * or null. A purpose that is not stated is named by its key, as an exception names it.
 */
export function purposeKeyError(key: string): string | null {
  return validatePurposeKey(key, 'purposeKey')?.message ?? null;
}

/** The keys among `keys` that no stated purpose has, in their order. */
export function unstatedKeys(keys: readonly string[], stated: readonly { key: string }[]): string[] {
  const known = new Set(stated.map((p) => p.key));
  return keys.filter((k) => !known.has(k));
}

/** The first problem with keys of purposes outside the stated ones, naming the key; null when all are well-formed. */
export function unstatedKeysError(keys: readonly string[]): string | null {
  for (const key of keys) {
    const problem = purposeKeyError(key);
    if (problem) return `“${key}”: ${problem}`;
  }
  return null;
}
