import { issue, type Issue } from '../issues.js';
import { DATA_CATEGORY_INFO, type DataCategory } from '../vocabulary/data-categories.js';
import type { FieldFormat } from '../vocabulary/formats.js';
import { FORMAT_CHECKS, JAPANESE_POSTAL_CODE } from './formats-check.js';
import { forbiddenCharacterIssue } from '../text/forbidden-characters.js';
import { codePointLength, isBlank } from './text-checks.js';

/** Length limits (in code points) shared by the API's inputs and the admin's forms. */
export const FIELD_LIMITS = {
  reference: 64,
  source: 200,
  note: 1000,
  provenance: 500,
  displayName: 120,
  password: { min: 12, max: 256 },
  email: 254,
} as const;

/** Used when a caller gives no maxLength; values are never unbounded. */
export const DEFAULT_MAX_LENGTH: Readonly<Record<FieldFormat, number>> = {
  TEXT: FIELD_LIMITS.note,
  EMAIL: FIELD_LIMITS.email,
  TELEPHONE: 32,
  POSTAL_CODE: 10,
  IDENTIFIER: 64,
  READING: 120,
};

export type TextOptions = {
  field: string;
  maxLength: number;
  minLength?: number;
  /** Default true: an empty value is an issue unless the caller says the field is optional. */
  required?: boolean;
  /** Allows line feeds (LF) and tabs. CR is rejected: normalise CRLF with normalizeLineBreaks first. */
  multiline?: boolean;
};

/**
 * Checks free text: REQUIRED (empty or whitespace only), CONTROL_CHARACTERS (INVALID_FORMAT for a
 * lone surrogate), TOO_LONG, TOO_SHORT, in that order; returns the first problem. An optional empty
 * value is fine. The characters are the API's input boundary's (`findForbiddenCharacter`, the
 * `multi-line` rule when `multiline`), so a form refuses what the server would; a multi-line value
 * is also refused a CR, even before a LF (normalise first).
 */
export function validateText(value: string | null | undefined, opts: TextOptions): Issue | null {
  const { field, maxLength, minLength = 0, required = true, multiline = false } = opts;
  if (value == null || isBlank(value)) {
    return required ? issue(field, 'REQUIRED', 'A value is required.') : null;
  }
  const forbidden = forbiddenCharacterIssue(field, value, multiline ? 'multi-line' : 'single-line');
  if (forbidden !== null) return forbidden;
  if (multiline && value.includes('\r')) {
    return issue(field, 'CONTROL_CHARACTERS', 'Contains a carriage return (U+000D): line breaks must be LF only.');
  }
  const length = codePointLength(value);
  if (length > maxLength) {
    return issue(field, 'TOO_LONG', `At most ${maxLength} characters (this has ${length}).`, { max: maxLength });
  }
  if (length < minLength) {
    return issue(field, 'TOO_SHORT', `At least ${minLength} characters (this has ${length}).`, { min: minLength });
  }
  return null;
}

export type FieldOptions = { maxLength?: number; minLength?: number; multiline?: boolean; field?: string };

/**
 * Validates a required value of the given format; returns the first issue or null.
 * Values are checked as given (not trimmed): trim in the form before calling.
 */
export function validateField(format: FieldFormat, value: string, opts: FieldOptions = {}): Issue | null {
  const field = opts.field ?? 'value';
  const textIssue = validateText(value, {
    field,
    maxLength: opts.maxLength ?? DEFAULT_MAX_LENGTH[format],
    minLength: opts.minLength ?? 0,
    required: true,
    // Only free text may span lines; a multi-line e-mail address is never valid.
    multiline: format === 'TEXT' && opts.multiline === true,
  });
  if (textIssue) return textIssue;
  const problem = FORMAT_CHECKS[format](value);
  return problem === null ? null : issue(field, 'INVALID_FORMAT', problem);
}

/** Validates a personal data item's value with its category's format, length and lines. */
export function validateDataItemValue(category: DataCategory, value: string, field = 'value'): Issue | null {
  const info = DATA_CATEGORY_INFO[category];
  return validateField(info.format, value, { maxLength: info.maxLength, multiline: info.multiline, field });
}

/** Checks a new admin password's length only (12–256 code points); strength is the API's job. */
export function validatePassword(value: string, field = 'password'): Issue | null {
  const { min, max } = FIELD_LIMITS.password;
  // Passwords may contain any printable character, but not controls that break copy/paste.
  return validateText(value, { field, maxLength: max, minLength: min, required: true, multiline: false });
}

export function isJapanesePostalCode(value: string): boolean {
  return JAPANESE_POSTAL_CODE.test(value);
}

/** CRLF and lone CR become LF, so text from paper-form scans and e-mail passes `multiline`. */
export function normalizeLineBreaks(value: string): string {
  return value.replace(/\r\n?/gu, '\n');
}

/**
 * Canonical form of an e-mail address for a blind-index lookup: NFKC (full-width → ASCII),
 * trimmed, lower-cased. Not for display or sending: the local part may be case-sensitive.
 */
export function normalizeEmail(value: string): string {
  return value.normalize('NFKC').toLowerCase().normalize('NFKC').trim();
}

/** A provider's reference (e.g. a member number): required, at most 64 characters, letters, digits and . _ - / only. */
export function validateReference(reference: string | null | undefined, field = 'reference'): Issue | null {
  const textIssue = validateText(reference, { field, maxLength: FIELD_LIMITS.reference, required: true });
  if (textIssue) return textIssue;
  return /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/.test(reference!)
    ? null
    : issue(field, 'INVALID_FORMAT', 'Letters, digits, and . _ - / only');
}
