import { issue, type Issue } from '../issues.js';

/**
 * The character rule every string entering Steward passes (the API's input boundary, the admin's
 * forms). `single-line` is the default for every field; `multi-line` fields (clause texts,
 * descriptions, notes, inquiry bodies) also take line feeds, CRLF pairs and tabs.
 */
export type TextKind = 'single-line' | 'multi-line';

/** Why a character is refused. */
export type ForbiddenCharacterKind =
  /** C0 and C1 controls, NUL and DEL; in a single-line field also TAB, LF and CR. */
  | 'CONTROL'
  /** Bidi marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–202E, U+2066–2069). */
  | 'BIDI'
  /** Other invisible format characters (Unicode Cf): zero-width space and joiners, word joiner, BOM, soft hyphen, tags… */
  | 'INVISIBLE'
  /** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, which break lines without being one. */
  | 'SEPARATOR'
  /** Half of a UTF-16 surrogate pair: no character at all, cannot be stored as UTF-8. */
  | 'LONE_SURROGATE';

export type ForbiddenCharacter = {
  /** The refused code point (a lone surrogate's own value). */
  codePoint: number;
  /** Where it starts, in UTF-16 code units (what `String.prototype.slice` counts). */
  index: number;
  kind: ForbiddenCharacterKind;
};

// One character class per kind of field, so a check is one regular-expression scan. \p{Cc} is
// U+0000–001F and U+007F–009F; \p{Cf} holds the bidi controls, the zero-width characters, the
// invisible operators, BOM, soft hyphen and the assigned tag characters; the whole tag block
// U+E0000–E007F is listed because some of it is unassigned. Variation selectors (Mn) stay allowed.
// Lone surrogates are found by `isWellFormed` and a CR without its LF by `indexOf`: \p{Cs} or a
// `\r(?!\n)` alternative in the same expression made a 40,000-character Japanese text 2–4× slower.
const SINGLE_LINE = /[\p{Cc}\p{Cf}\u2028\u2029\u{E0000}-\u{E007F}]/u;
// The same but TAB, LF and CR (CR is allowed only before a LF, checked apart). Written as a look-ahead
// rather than as explicit ranges without them: V8 scans 40,000 characters of Japanese text in
// 150 µs this way, 300 µs the other (ASCII text: 85 µs against 40 µs; the long texts are Japanese).
const MULTI_LINE = /(?![\t\n\r])[\p{Cc}\p{Cf}\u2028\u2029\u{E0000}-\u{E007F}]/u;
const LONE_SURROGATE = /\p{Cs}/u;

const BIDI = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;

/** `String.prototype.isWellFormed` (ES2024: Node 20, current browsers), or the same with a regular expression. */
const isWellFormed: (value: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (value) => (value as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (value) => !LONE_SURROGATE.test(value);

/**
 * The first character `value` may not contain, or null. Refused everywhere: C0/C1 controls (NUL,
 * ESC, NEL…), DEL, bidi controls, invisible format characters (every Unicode Cf), the tag block,
 * lone surrogates and U+2028/2029. A `single-line` value also refuses TAB, LF and CR; a
 * `multi-line` one accepts TAB, LF and CR followed by LF (a lone CR is refused). Ordinary and
 * non-breaking spaces, variation selectors (ideographic variation sequences in names) and every
 * visible character are accepted.
 */
export function findForbiddenCharacter(value: string, kind: TextKind = 'single-line'): ForbiddenCharacter | null {
  const multiLine = kind === 'multi-line';
  const hit = (multiLine ? MULTI_LINE : SINGLE_LINE).exec(value);
  let index = hit === null ? -1 : hit.index;
  if (multiLine) {
    for (let cr = value.indexOf('\r'); cr !== -1 && (index === -1 || cr < index); cr = value.indexOf('\r', cr + 1)) {
      if (value.charCodeAt(cr + 1) !== 0x0a) {
        index = cr;
        break;
      }
    }
  }
  if (!isWellFormed(value)) {
    const lone = LONE_SURROGATE.exec(value)!.index;
    if (index === -1 || lone < index) index = lone;
  }
  if (index === -1) return null;
  const codePoint = value.codePointAt(index)!;
  return { codePoint, index, kind: kindOf(codePoint) };
}

function kindOf(codePoint: number): ForbiddenCharacterKind {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'CONTROL';
  // codePointAt gives a lone surrogate's own value.
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'LONE_SURROGATE';
  if (codePoint === 0x2028 || codePoint === 0x2029) return 'SEPARATOR';
  if (BIDI.test(String.fromCodePoint(codePoint))) return 'BIDI';
  return 'INVISIBLE';
}

const DESCRIPTIONS: Readonly<Record<ForbiddenCharacterKind, string>> = {
  CONTROL: 'a control character',
  BIDI: 'a text-direction control character',
  INVISIBLE: 'an invisible formatting character',
  SEPARATOR: 'a Unicode line or paragraph separator',
  LONE_SURROGATE: 'a broken character (unpaired surrogate)',
};

/**
 * The issue for the first forbidden character of a field's value, or null: CONTROL_CHARACTERS
 * (INVALID_FORMAT for a lone surrogate, as `validateText` reports it), with the code point and its
 * position (counted in characters from 1) in the message — never the value itself.
 */
export function forbiddenCharacterIssue(field: string, value: string, kind: TextKind = 'single-line'): Issue | null {
  const found = findForbiddenCharacter(value, kind);
  if (found === null) return null;
  const hex = found.codePoint.toString(16).toUpperCase().padStart(4, '0');
  const position = characterPosition(value, found.index);
  const lineBreak = kind === 'single-line' && (found.codePoint === 0x0a || found.codePoint === 0x0d);
  const what = lineBreak ? 'a line break (this field takes one line)' : DESCRIPTIONS[found.kind];
  return issue(
    field,
    found.kind === 'LONE_SURROGATE' ? 'INVALID_FORMAT' : 'CONTROL_CHARACTERS',
    `Contains ${what} (U+${hex}) at character ${position}.`,
  );
}

/** 1-based position in code points of the UTF-16 offset `index`. */
function characterPosition(value: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) {
    const c = value.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < index) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
