import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findForbiddenCharacter,
  forbiddenCharacterIssue,
  type ForbiddenCharacterKind,
} from './forbidden-characters.js';

const cp = (n: number) => String.fromCodePoint(n);

describe('findForbiddenCharacter', () => {
  const refusedEverywhere: [string, number, ForbiddenCharacterKind][] = [
    ['NUL', 0x0000, 'CONTROL'],
    ['BEL', 0x0007, 'CONTROL'],
    ['BS', 0x0008, 'CONTROL'],
    ['VT', 0x000b, 'CONTROL'],
    ['FF', 0x000c, 'CONTROL'],
    ['SO', 0x000e, 'CONTROL'],
    ['ESC', 0x001b, 'CONTROL'],
    ['US', 0x001f, 'CONTROL'],
    ['DEL', 0x007f, 'CONTROL'],
    ['C1 PAD', 0x0080, 'CONTROL'],
    ['C1 NEL', 0x0085, 'CONTROL'],
    ['C1 CSI', 0x009b, 'CONTROL'],
    ['C1 APC', 0x009f, 'CONTROL'],
    ['soft hyphen', 0x00ad, 'INVISIBLE'],
    ['Arabic letter mark', 0x061c, 'BIDI'],
    ['Mongolian vowel separator', 0x180e, 'INVISIBLE'],
    ['zero-width space', 0x200b, 'INVISIBLE'],
    ['zero-width non-joiner', 0x200c, 'INVISIBLE'],
    ['zero-width joiner', 0x200d, 'INVISIBLE'],
    ['left-to-right mark', 0x200e, 'BIDI'],
    ['right-to-left mark', 0x200f, 'BIDI'],
    ['line separator', 0x2028, 'SEPARATOR'],
    ['paragraph separator', 0x2029, 'SEPARATOR'],
    ['LRE', 0x202a, 'BIDI'],
    ['RLE', 0x202b, 'BIDI'],
    ['PDF', 0x202c, 'BIDI'],
    ['LRO', 0x202d, 'BIDI'],
    ['RLO', 0x202e, 'BIDI'],
    ['word joiner', 0x2060, 'INVISIBLE'],
    ['function application', 0x2061, 'INVISIBLE'],
    ['invisible times', 0x2062, 'INVISIBLE'],
    ['invisible separator', 0x2063, 'INVISIBLE'],
    ['invisible plus', 0x2064, 'INVISIBLE'],
    ['LRI', 0x2066, 'BIDI'],
    ['RLI', 0x2067, 'BIDI'],
    ['FSI', 0x2068, 'BIDI'],
    ['PDI', 0x2069, 'BIDI'],
    ['inhibit symmetric swapping', 0x206a, 'INVISIBLE'],
    ['nominal digit shapes', 0x206f, 'INVISIBLE'],
    ['BOM / zero-width no-break space', 0xfeff, 'INVISIBLE'],
    ['interlinear annotation anchor', 0xfff9, 'INVISIBLE'],
    ['Arabic number sign', 0x0600, 'INVISIBLE'],
    ['musical symbol begin beam', 0x1d173, 'INVISIBLE'],
    ['first of the tag block (unassigned)', 0xe0000, 'INVISIBLE'],
    ['language tag', 0xe0001, 'INVISIBLE'],
    ['tag space', 0xe0020, 'INVISIBLE'],
    ['tag latin small a', 0xe0061, 'INVISIBLE'],
    ['cancel tag', 0xe007f, 'INVISIBLE'],
  ];

  it.each(refusedEverywhere)('refuses %s anywhere, in single-line and multi-line text', (_name, code, kind) => {
    for (const [value, index] of [
      [cp(code), 0],
      [`ab${cp(code)}`, 2],
      [`名前${cp(code)}c`, 2],
    ] as const) {
      expect(findForbiddenCharacter(value)).toEqual({ codePoint: code, index, kind });
      expect(findForbiddenCharacter(value, 'multi-line')).toEqual({ codePoint: code, index, kind });
    }
  });

  it('refuses a BOM at the start as well as inside', () => {
    expect(findForbiddenCharacter('\uFEFFAlice')?.index).toBe(0);
    expect(findForbiddenCharacter('Al\uFEFFice')?.index).toBe(2);
  });

  it('refuses lone surrogates, high or low, and accepts pairs', () => {
    expect(findForbiddenCharacter('a\uD800b')).toEqual({ codePoint: 0xd800, index: 1, kind: 'LONE_SURROGATE' });
    expect(findForbiddenCharacter('a\uDBFF')).toEqual({ codePoint: 0xdbff, index: 1, kind: 'LONE_SURROGATE' });
    expect(findForbiddenCharacter('\uDC00a')).toEqual({ codePoint: 0xdc00, index: 0, kind: 'LONE_SURROGATE' });
    expect(findForbiddenCharacter('a\uDFFF', 'multi-line')?.kind).toBe('LONE_SURROGATE');
    expect(findForbiddenCharacter('\uDC00\uD800')?.index).toBe(0);
    expect(findForbiddenCharacter('𠮷野家 😀 \uD842\uDFB7')).toBeNull();
  });

  it('refuses TAB, LF and CR in single-line text', () => {
    expect(findForbiddenCharacter('a\tb')).toEqual({ codePoint: 0x09, index: 1, kind: 'CONTROL' });
    expect(findForbiddenCharacter('a\nb')).toEqual({ codePoint: 0x0a, index: 1, kind: 'CONTROL' });
    expect(findForbiddenCharacter('a\r\nb')).toEqual({ codePoint: 0x0d, index: 1, kind: 'CONTROL' });
    expect(findForbiddenCharacter('ab\r')).toEqual({ codePoint: 0x0d, index: 2, kind: 'CONTROL' });
  });

  it('accepts TAB, LF and CRLF in multi-line text, but not a lone CR', () => {
    expect(findForbiddenCharacter('Dear secretariat,\r\nplease\ttell me.\n\nThanks', 'multi-line')).toBeNull();
    expect(findForbiddenCharacter('\n\r\n\t', 'multi-line')).toBeNull();
    expect(findForbiddenCharacter('a\rb', 'multi-line')).toEqual({ codePoint: 0x0d, index: 1, kind: 'CONTROL' });
    expect(findForbiddenCharacter('a\r\n\rb', 'multi-line')).toEqual({ codePoint: 0x0d, index: 3, kind: 'CONTROL' });
    expect(findForbiddenCharacter('a\r', 'multi-line')?.index).toBe(1);
    expect(findForbiddenCharacter('a\n\r', 'multi-line')?.index).toBe(2);
    expect(findForbiddenCharacter('a\n\u000Bb', 'multi-line')?.codePoint).toBe(0x0b);
  });

  it('reports the first forbidden character', () => {
    expect(findForbiddenCharacter('ok\u200Bthen\u0000')?.codePoint).toBe(0x200b);
    expect(findForbiddenCharacter('ok\nthen\u0000')?.codePoint).toBe(0x0a);
    expect(findForbiddenCharacter('ok\nthen\u0000', 'multi-line')?.codePoint).toBe(0x00);
  });

  it('keeps ordinary text: spaces, Japanese, variation selectors, emoji, punctuation', () => {
    for (const value of [
      '',
      ' ',
      'Alice Smith',
      '  padded  ',
      '山田\u3000太郎', // ideographic space
      'Kenji\u00A0Ono', // no-break space
      '1\u202F000', // narrow no-break space
      '葛\u{E0100}城市', // ideographic variation sequence (VS17)
      '辻\u{E0101}', // VS18
      '♥\uFE0F', // emoji presentation selector
      '👍🏽',
      'café', // combining acute accent (Mn)
      'naïve ‒ “quoted” — 「かぎ」',
      'x\u2065y', // unassigned neighbour of the isolates
      "O'Brien <a@b.jp> 100% & more ~ `",
      'עברית العربية', // right-to-left scripts themselves are fine; only the controls are not
    ]) {
      expect(findForbiddenCharacter(value), JSON.stringify(value)).toBeNull();
      expect(findForbiddenCharacter(value, 'multi-line'), JSON.stringify(value)).toBeNull();
    }
  });

  it('accepts exactly what it does not report, for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('single-line', 'multi-line' as const), (s, kind) => {
        const found = findForbiddenCharacter(s, kind);
        const prefix = found === null ? s : s.slice(0, found.index);
        // Nothing before the reported character (or in the whole string) is refused.
        expect(findForbiddenCharacter(prefix, kind)).toBeNull();
        if (found) expect(s.codePointAt(found.index) === found.codePoint || found.kind === 'LONE_SURROGATE').toBe(true);
      }),
    );
  });

  it('finds what one plain regular expression per kind finds (property, against a reference)', () => {
    // The rule written as simply as possible; the implementation splits it for speed.
    const reference = {
      'single-line': /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\u{E0000}-\u{E007F}]/u,
      'multi-line':
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}\p{Cs}\u2028\u2029\u{E0000}-\u{E007F}]|\r(?!\n)/u,
    } as const;
    const interesting = fc.constantFrom(
      '\r',
      '\n',
      '\t',
      '\r\n',
      '\uD800',
      '\uDC00',
      '\u200B',
      '\u{E0001}',
      '\u{E0100}',
      'a',
      '名',
    );
    const text = fc.array(fc.oneof(interesting, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 });
    fc.assert(
      fc.property(text, fc.constantFrom('single-line', 'multi-line' as const), (parts, kind) => {
        const s = parts.join('');
        const hit = reference[kind].exec(s);
        expect(findForbiddenCharacter(s, kind)?.index ?? -1, JSON.stringify(s)).toBe(hit ? hit.index : -1);
      }),
      { numRuns: 2000 },
    );
  });

  it('is stricter for single-line text than for multi-line text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        if (findForbiddenCharacter(s, 'single-line') === null)
          expect(findForbiddenCharacter(s, 'multi-line')).toBeNull();
      }),
    );
  });
});

describe('forbiddenCharacterIssue', () => {
  it('names the field, the code point and its position, never the value', () => {
    expect(forbiddenCharacterIssue('input.name', 'Bob\u200BTables')).toEqual({
      field: 'input.name',
      code: 'CONTROL_CHARACTERS',
      message: 'Contains an invisible formatting character (U+200B) at character 4.',
    });
    expect(forbiddenCharacterIssue('title', '😀\u202Eexe')?.message).toBe(
      'Contains a text-direction control character (U+202E) at character 2.',
    );
    expect(forbiddenCharacterIssue('email', 'a@b.jp\n')?.message).toBe(
      'Contains a line break (this field takes one line) (U+000A) at character 7.',
    );
    expect(forbiddenCharacterIssue('key', 'A\u0000B')?.message).toBe(
      'Contains a control character (U+0000) at character 2.',
    );
    expect(forbiddenCharacterIssue('tag', 'x\u{E0041}')?.message).toBe(
      'Contains an invisible formatting character (U+E0041) at character 2.',
    );
  });

  it('reports a lone surrogate as INVALID_FORMAT, as validateText does', () => {
    expect(forbiddenCharacterIssue('name', 'a\uD800')).toMatchObject({ code: 'INVALID_FORMAT', field: 'name' });
  });

  it('is null for accepted text and follows the kind', () => {
    expect(forbiddenCharacterIssue('body', 'line one\r\nline two')).not.toBeNull();
    expect(forbiddenCharacterIssue('body', 'line one\r\nline two', 'multi-line')).toBeNull();
    expect(forbiddenCharacterIssue('body', 'line one\u2028line two', 'multi-line')?.code).toBe('CONTROL_CHARACTERS');
  });
});
