/**
 * Character-level checks shared by every field format. Lengths are counted in Unicode code
 * points, so an emoji or a rare kanji outside the BMP counts as one character, as users see it.
 */

export function codePointLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export function isBlank(value: string): boolean {
  return /^\s*$/u.test(value);
}

// C0 (minus TAB and LF), DEL, C1, and the bidi embeddings/overrides/isolates U+202A–E, U+2066–9
// that can make "alice" render as "ecila" in an admin screen or a disclosure letter.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ALWAYS_FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const LINE_FEED = /\n/u;
const LONE_SURROGATE = /\p{Cs}/u;

/** The first forbidden character, or null. LF is allowed only when `multiline`. */
export function findControlCharacter(value: string, multiline: boolean): string | null {
  const hit = ALWAYS_FORBIDDEN.exec(value) ?? (multiline ? null : LINE_FEED.exec(value));
  return hit ? hit[0] : null;
}

/** Lone UTF-16 surrogates cannot be stored as UTF-8 or shown; they are never valid text. */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

export function describeCodePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
