import { validateText } from '../fields/field-formats.js';
import { issue, type Issue } from '../issues.js';

/** Longest purpose key (code points). */
export const PURPOSE_KEY_MAX_LENGTH = 64;

/** Upper-case letters, digits and underscores, starting with a letter: how purposes are keyed. */
const PURPOSE_KEY = /^[A-Z][A-Z0-9_]*$/;

/**
 * Checks the form of a purpose key, stated or not: a policy's purposes are keyed this way, and
 * so is a purpose outside them that an exception names (e.g. `TAX_INQUIRY_2026`) and that a
 * decision asks about. REQUIRED, CONTROL_CHARACTERS, TOO_LONG (64), then INVALID_FORMAT;
 * the key is checked as given (not trimmed).
 */
export function validatePurposeKey(key: string | null | undefined, field: string): Issue | null {
  const problem = validateText(key, { field, maxLength: PURPOSE_KEY_MAX_LENGTH });
  if (problem) return problem;
  return PURPOSE_KEY.test(key!)
    ? null
    : issue(field, 'INVALID_FORMAT', 'Upper-case letters, digits and _ only, starting with a letter.');
}

/** Whether `key` is a well-formed purpose key. */
export function isPurposeKey(key: unknown): key is string {
  return typeof key === 'string' && validatePurposeKey(key, 'key') === null;
}
