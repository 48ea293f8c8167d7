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
const SINGLE_LINE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\u{E0000}-\u{E007F}]/u;
// The same without TAB and LF, and CR only when a LF follows it.
const MULTI_LINE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\p{Cs}\u2028\u2029\u{E0000}-\u{E007F}]|\r(?!\n)/u;

const BIDI = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;
const SURROGATE = /^\p{Cs}$/u;

/**
 * The first character `value` may not contain, or null. Refused everywhere: C0/C1 controls (NUL,
 * ESC, NEL…), DEL, bidi controls, invisible format characters (every Unicode Cf), the tag block,
 * lone surrogates and U+2028/2029. A `single-line` value also refuses TAB, LF and CR; a
 * `multi-line` one accepts TAB, LF and CR followed by LF (a lone CR is refused). Ordinary and
 * non-breaking spaces, variation selectors (ideographic variation sequences in names) and every
 * visible character are accepted.
 */
export function findForbiddenCharacter(value: string, kind: TextKind = 'single-line'): ForbiddenCharacter | null {
  const hit = (kind === 'multi-line' ? MULTI_LINE : SINGLE_LINE).exec(value);
  if (hit === null) return null;
  const ch = hit[0];
  const codePoint = ch.codePointAt(0)!;
  return { codePoint, index: hit.index, kind: kindOf(ch, codePoint) };
}

function kindOf(ch: string, codePoint: number): ForbiddenCharacterKind {
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'CONTROL';
  if (SURROGATE.test(ch)) return 'LONE_SURROGATE';
  if (codePoint === 0x2028 || codePoint === 0x2029) return 'SEPARATOR';
  if (BIDI.test(ch)) return 'BIDI';
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
