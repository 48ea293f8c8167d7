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
