import type { FieldFormat } from '../vocabulary/formats.js';

/**
 * Shape checks per format, applied after the character-level checks. Each returns an English
 * explanation of what is wrong, or null when the value has the right shape.
 */

const EMAIL_LOCAL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\p{L}\p{M}\p{N}-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\p{L}\p{M}\p{N}-]+)*$/u;
const EMAIL_LABEL = /^[A-Za-z0-9\p{L}\p{M}](?:[A-Za-z0-9\p{L}\p{M}-]*[A-Za-z0-9\p{L}\p{M}])?$/u;

function checkEmail(value: string): string | null {
  if ([...value].length > 254) return 'An e-mail address has at most 254 characters.';
  const at = value.split('@');
  if (at.length !== 2) return 'An e-mail address has exactly one "@".';
  const [local = '', domain = ''] = at;
  if (local.length === 0 || [...local].length > 64) return 'The part before "@" must have 1–64 characters.';
  if (!EMAIL_LOCAL.test(local)) return 'The part before "@" has a space, a misplaced dot or an unsupported character.';
  const labels = domain.split('.');
  if (labels.length < 2) return 'The domain needs a dot, e.g. "example.jp".';
  for (const label of labels) {
    if ([...label].length > 63 || !EMAIL_LABEL.test(label)) return `The domain part "${label}" is not valid.`;
  }
  if (/^[0-9]+$/u.test(labels[labels.length - 1] ?? '')) return 'The domain must end in a name, not a number.';
  return null;
}

const TELEPHONE_CHARS = /^\+?[0-9 ().-]+$/u;

function checkTelephone(value: string): string | null {
  if (!TELEPHONE_CHARS.test(value)) {
    return 'Use digits with optional spaces, hyphens, dots, parentheses and one leading "+".';
  }
  const digits = value.replace(/[^0-9]/gu, '').length;
  // E.164 allows at most 15 digits; fewer than 7 is not a reachable subscriber number.
  if (digits < 7 || digits > 15) return `A telephone number has 7–15 digits (found ${digits}).`;
  let depth = 0;
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0 || depth > 1) return 'Parentheses do not match.';
  }
  return depth === 0 ? null : 'Parentheses do not match.';
}

/** Japanese postal codes: NNN-NNNN or NNNNNNN (e.g. 102-0073). */
export const JAPANESE_POSTAL_CODE = /^[0-9]{3}-?[0-9]{4}$/u;
/**
 * Other countries: 3–10 letters/digits, single spaces or hyphens between groups
 * (e.g. "101", "SW1A 1AA", "K1A 0B1", "12345-6789"). Every Japanese code also matches this.
 */
export const INTERNATIONAL_POSTAL_CODE = /^[A-Za-z0-9]+(?:[ -][A-Za-z0-9]+)*$/u;

function checkPostalCode(value: string): string | null {
  if (JAPANESE_POSTAL_CODE.test(value)) return null;
  if (value.length >= 3 && value.length <= 10 && INTERNATIONAL_POSTAL_CODE.test(value)) return null;
  return 'Use a postal code such as 102-0073 (3–10 letters or digits, single spaces or hyphens).';
}

const IDENTIFIER = /^[A-Za-z0-9._-]{1,64}$/u;

function checkIdentifier(value: string): string | null {
  return IDENTIFIER.test(value) ? null : 'Use 1–64 characters: letters A–Z, digits, ".", "_" or "-".';
}

/**
 * A name's reading: kana (hiragana, katakana, half-width katakana, the prolonged sound mark) or
 * Latin letters (a romaji or foreign reading), with spaces, middle dots, apostrophes, hyphens and
 * dots between them. No kanji and no digits: a reading is what the provider wrote, never derived.
 */
const READING_LETTER = /[\p{scx=Hiragana}\p{scx=Katakana}\p{Script=Latin}]/u;
const READING = /^(?:[\p{scx=Hiragana}\p{scx=Katakana}\p{Script=Latin}\p{M}]|[ \u3000・･'’.\-‐])+$/u;

function checkReading(value: string): string | null {
  const letters = [...value].filter((ch) => /\p{L}/u.test(ch));
  if (READING.test(value) && letters.length > 0 && letters.every((ch) => READING_LETTER.test(ch))) return null;
  return 'Write the reading in kana or Latin letters (no kanji or digits), e.g. ヤマダ タロウ.';
}

export const FORMAT_CHECKS: Readonly<Record<FieldFormat, (value: string) => string | null>> = {
  TEXT: () => null,
  EMAIL: checkEmail,
  TELEPHONE: checkTelephone,
  POSTAL_CODE: checkPostalCode,
  IDENTIFIER: checkIdentifier,
  READING: checkReading,
};
