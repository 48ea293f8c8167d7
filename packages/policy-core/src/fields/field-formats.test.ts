import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, DATA_CATEGORY_INFO } from '../vocabulary/data-categories.js';
import { FIELD_FORMATS } from '../vocabulary/formats.js';
import {
  DEFAULT_MAX_LENGTH,
  FIELD_LIMITS,
  isJapanesePostalCode,
  normalizeEmail,
  normalizeLineBreaks,
  validateDataItemValue,
  validateField,
  validatePassword,
  validateText,
} from './field-formats.js';
import { forbiddenCharacterIssue } from '../text/forbidden-characters.js';

const code = (...args: Parameters<typeof validateField>) => validateField(...args)?.code ?? null;
const EMOJI = '😀'; // one code point, two UTF-16 units
const FAMILY = '👨‍👩‍👧'; // one grapheme, five code points joined by ZERO WIDTH JOINERs
const FLAG = '🇯🇵'; // one grapheme, two code points (regional indicators)

describe('validateText', () => {
  const opts = { field: 'note', maxLength: 5 };

  it('requires a value by default and rejects whitespace-only, including the ideographic space', () => {
    for (const v of ['', ' ', '\t', '\u3000', null, undefined]) {
      expect(validateText(v, opts)).toEqual({ field: 'note', code: 'REQUIRED', message: expect.any(String) });
    }
  });

  it('accepts an empty optional value but still checks a present one', () => {
    expect(validateText('', { ...opts, required: false })).toBeNull();
    expect(validateText(null, { ...opts, required: false })).toBeNull();
    expect(validateText('123456', { ...opts, required: false })?.code).toBe('TOO_LONG');
  });

  it('gives the limit as the issue params the catalogue names ({ max }, { min })', () => {
    expect(validateText('a'.repeat(6), opts)?.params).toEqual({ max: 5 });
    expect(validateText('a', { ...opts, minLength: 3 })?.params).toEqual({ min: 3 });
  });

  it('counts code points: exactly max passes, max + 1 fails', () => {
    expect(validateText('a'.repeat(5), opts)).toBeNull();
    expect(validateText('a'.repeat(6), opts)?.code).toBe('TOO_LONG');
    expect(EMOJI.repeat(5).length).toBe(10);
    expect(validateText(EMOJI.repeat(5), opts)).toBeNull();
    expect(validateText(EMOJI.repeat(6), opts)?.code).toBe('TOO_LONG');
    expect(validateText('𠮷野家です', opts)).toBeNull(); // 𠮷 is outside the BMP
    expect(validateText(`${FLAG}${FLAG}x`, opts)).toBeNull(); // 5 code points
    expect(validateText(FLAG.repeat(3), opts)?.code).toBe('TOO_LONG');
    // A ZERO WIDTH JOINER is an invisible format character: the input boundary refuses it, so does validateText.
    expect(validateText(FAMILY, opts)?.code).toBe('CONTROL_CHARACTERS');
  });

  it('reports the length in the message', () => {
    expect(validateText('abcdef', opts)?.message).toContain('6');
  });

  it('applies minLength after maxLength', () => {
    expect(validateText('abcd', { ...opts, minLength: 4 })).toBeNull();
    expect(validateText('abc', { ...opts, minLength: 4 })?.code).toBe('TOO_SHORT');
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['VT', '\u000B'],
    ['CR', '\r'],
    ['ESC', '\u001B'],
    ['DEL', '\u007F'],
    ['C1 NEL', '\u0085'],
    ['C1 APC', '\u009F'],
    ['LRE', '\u202A'],
    ['RLO', '\u202E'],
    ['LRI', '\u2066'],
    ['PDI', '\u2069'],
  ])('rejects %s even in multiline text', (_name, ch) => {
    const found = validateText(`ab${ch}c`, { ...opts, multiline: true });
    expect(found?.code).toBe('CONTROL_CHARACTERS');
    expect(found?.message).toContain(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  });

  it('allows neighbours of the forbidden ranges', () => {
    for (const ch of ['\u00A0', '\u202F', '\u2065', '\u2070', ' ', '~']) {
      expect(validateText(`a${ch}b`, opts)).toBeNull();
    }
  });

  // The API's input boundary (findForbiddenCharacter) refuses these too; validateText used to let them through.
  it.each([
    ['PARAGRAPH SEPARATOR', '\u2029'],
    ['LINE SEPARATOR', '\u2028'],
    ['LRM', '\u200E'],
    ['ALM', '\u061C'],
    ['ZERO WIDTH SPACE', '\u200B'],
    ['BOM', '\uFEFF'],
    ['SOFT HYPHEN', '\u00AD'],
    ['TAG LATIN A', '\u{E0041}'],
    ['INHIBIT SYMMETRIC SWAPPING', '\u206A'],
  ])('rejects %s as the input boundary does, in any text', (_name, ch) => {
    for (const multiline of [false, true]) {
      const found = validateText(`ab${ch}c`, { ...opts, multiline });
      expect(found?.code).toBe('CONTROL_CHARACTERS');
      expect(found?.message).toContain(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  });

  it('allows TAB and LF only when multiline (CR never: normalise first)', () => {
    expect(validateText('a\tb', opts)?.code).toBe('CONTROL_CHARACTERS');
    expect(validateText('a\tb', { ...opts, multiline: true })).toBeNull();
    expect(validateText('a\nb', opts)?.code).toBe('CONTROL_CHARACTERS');
    expect(validateText('a\nb', { ...opts, multiline: true })).toBeNull();
    expect(validateText('a\r\nb', { ...opts, multiline: true })?.code).toBe('CONTROL_CHARACTERS');
  });

  it('refuses every value findForbiddenCharacter refuses, with the same code', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 8 }), fc.boolean(), (tail, multiline) => {
        const value = `x${tail}`;
        const kind = multiline ? 'multi-line' : 'single-line';
        const boundary = forbiddenCharacterIssue('note', value, kind);
        const found = validateText(value, { field: 'note', maxLength: 100, multiline });
        if (boundary !== null) expect(found).toEqual(boundary);
        else if (found !== null) expect(found.code === 'CONTROL_CHARACTERS' && value.includes('\r')).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('checks control characters before length', () => {
    expect(validateText('\u0000'.repeat(10), opts)?.code).toBe('CONTROL_CHARACTERS');
  });

  it('rejects lone surrogates as INVALID_FORMAT', () => {
    expect(validateText('a\uD800b', opts)?.code).toBe('INVALID_FORMAT');
    expect(validateText('a\uDC00', opts)?.code).toBe('INVALID_FORMAT');
  });
});

describe('validateField EMAIL', () => {
  it.each([
    'jspe_jspe@jspe.or.jp',
    'a@b.co',
    'first.last+tag@sub.example.com',
    "o'brien@example.ie",
    'user@xn--eckwd4c7c.xn--zckzah',
    'ユーザー@例え.テスト',
    'user@my-host.example',
  ])('accepts %s', (v) => {
    expect(validateField('EMAIL', v)).toBeNull();
  });

  it.each([
    ['no @', 'jspe.or.jp'],
    ['two @', 'a@b@c.jp'],
    ['empty local', '@jspe.or.jp'],
    ['no dot in domain', 'a@localhost'],
    ['space', 'a b@jspe.or.jp'],
    ['leading dot', '.a@jspe.or.jp'],
    ['trailing dot in local', 'a.@jspe.or.jp'],
    ['double dot', 'a..b@jspe.or.jp'],
    ['empty label', 'a@jspe..jp'],
    ['domain trailing dot', 'a@jspe.jp.'],
    ['label starting with hyphen', 'a@-jspe.jp'],
    ['label ending with hyphen', 'a@jspe-.jp'],
    ['underscore in domain', 'a@js_pe.jp'],
    ['numeric top-level', 'a@192.168.0.1'],
    ['quoted local part (not supported)', '"a b"@jspe.jp'],
    ['surrounding space (not trimmed)', ' a@jspe.jp'],
  ])('rejects %s', (_name, v) => {
    expect(code('EMAIL', v)).toBe('INVALID_FORMAT');
  });

  it('limits the local part to 64 and a label to 63 characters', () => {
    expect(code('EMAIL', `${'a'.repeat(64)}@jspe.jp`)).toBeNull();
    expect(code('EMAIL', `${'a'.repeat(65)}@jspe.jp`)).toBe('INVALID_FORMAT');
    expect(code('EMAIL', `a@${'b'.repeat(63)}.jp`)).toBeNull();
    expect(code('EMAIL', `a@${'b'.repeat(64)}.jp`)).toBe('INVALID_FORMAT');
  });

  it('limits the whole address to 254 characters', () => {
    const domain = `${['d', 'e', 'f', 'g'].map((c) => c.repeat(60)).join('.')}.jp`; // 246
    const at254 = `${'a'.repeat(254 - 1 - domain.length)}@${domain}`;
    expect(at254.length).toBe(254);
    expect(code('EMAIL', at254)).toBeNull();
    expect(code('EMAIL', `a${at254}`)).toBe('TOO_LONG');
    // A caller's larger maxLength does not lift the format's own limit.
    expect(code('EMAIL', `a${at254}`, { maxLength: 300 })).toBe('INVALID_FORMAT');
  });

  it('never allows a line break, even when multiline is asked for', () => {
    expect(code('EMAIL', 'a@b.jp\n', { multiline: true })).toBe('CONTROL_CHARACTERS');
  });

  it('names the field it was given', () => {
    expect(validateField('EMAIL', 'x', { field: 'items[3].value' })?.field).toBe('items[3].value');
    expect(validateField('EMAIL', 'x')?.field).toBe('value');
  });
});

describe('validateField TELEPHONE', () => {
  it.each([
    '+81-3-5226-5191',
    '03-5226-5191',
    '(03) 5226 5191',
    '03.5226.5191',
    '0352265191',
    '1234567',
    '+123456789012345',
  ])('accepts %s', (v) => expect(validateField('TELEPHONE', v)).toBeNull());

  it('needs 7 to 15 digits', () => {
    expect(code('TELEPHONE', '123456')).toBe('INVALID_FORMAT');
    expect(code('TELEPHONE', '1234567')).toBeNull();
    expect(code('TELEPHONE', '123456789012345')).toBeNull();
    expect(code('TELEPHONE', '1234567890123456')).toBe('INVALID_FORMAT');
    expect(code('TELEPHONE', '+1 (234) 567-89-01-234-56')).toBe('INVALID_FORMAT');
  });

  it.each([
    ['plus not leading', '81+3-5226-5191'],
    ['two pluses', '++81352265191'],
    ['letters', '03-5226-519I'],
    ['extension text', '03-5226-5191 ext 2'],
    ['full-width digits (normalise first)', '０３５２２６５１９１'],
    ['unbalanced (', '(03 5226 5191'],
    ['unbalanced )', '03) 5226 5191'],
    ['nested parentheses', '((03)) 5226 5191'],
    ['slash', '03/5226/5191'],
  ])('rejects %s', (_name, v) => expect(code('TELEPHONE', v)).toBe('INVALID_FORMAT'));

  it('limits the length to 32 by default', () => {
    expect(code('TELEPHONE', `1234567${' '.repeat(25)}`)).toBeNull();
    expect(code('TELEPHONE', `1234567${' '.repeat(26)}`)).toBe('TOO_LONG');
  });
});

describe('validateField POSTAL_CODE', () => {
  it.each(['102-0073', '1020073', '101', 'SW1A 1AA', 'K1A 0B1', '12345-6789', 'sw1a 1aa', '1000-001'])(
    'accepts %s',
    (v) => expect(validateField('POSTAL_CODE', v)).toBeNull(),
  );

  it.each([
    ['two characters', '12'],
    ['double separator', '102--0073'],
    ['leading hyphen', '-1020073'],
    ['trailing space', '1020073 '],
    ['postal mark', '〒102-0073'],
    ['full-width digits', '１０２－００７３'],
    ['underscore', '102_0073'],
  ])('rejects %s', (_name, v) => expect(code('POSTAL_CODE', v)).toBe('INVALID_FORMAT'));

  it('has a 10-character limit', () => {
    expect(code('POSTAL_CODE', '1234567890')).toBeNull();
    expect(code('POSTAL_CODE', '12345678901')).toBe('TOO_LONG');
    expect(code('POSTAL_CODE', '12345678901', { maxLength: 20 })).toBe('INVALID_FORMAT');
  });

  it('tells Japanese codes apart', () => {
    expect(isJapanesePostalCode('102-0073')).toBe(true);
    expect(isJapanesePostalCode('1020073')).toBe(true);
    expect(isJapanesePostalCode('10-20073')).toBe(false);
    expect(isJapanesePostalCode('102-00731')).toBe(false);
    expect(isJapanesePostalCode('SW1A 1AA')).toBe(false);
  });
});

describe('validateField IDENTIFIER', () => {
  it('accepts 1 and 64 characters of [A-Za-z0-9._-]', () => {
    expect(code('IDENTIFIER', 'a')).toBeNull();
    expect(code('IDENTIFIER', 'M-2024.001_x')).toBeNull();
    expect(code('IDENTIFIER', 'x'.repeat(64))).toBeNull();
  });

  it('rejects 65 characters, spaces, non-ASCII and other punctuation', () => {
    expect(code('IDENTIFIER', 'x'.repeat(65))).toBe('TOO_LONG');
    expect(code('IDENTIFIER', 'x'.repeat(65), { maxLength: 100 })).toBe('INVALID_FORMAT');
    for (const v of ['a b', '会員1', 'a/b', 'a:b', 'a+b', 'ａ']) expect(code('IDENTIFIER', v)).toBe('INVALID_FORMAT');
  });
});

describe('validateField READING', () => {
  it.each([
    'ヤマダ タロウ',
    'やまだ\u3000たろう',
    'ﾔﾏﾀﾞ ﾀﾛｳ',
    'ジョン・スミス',
    'Yamada Taro',
    "O'Brien-Smith",
    'スズキ ヨーコ',
  ])('accepts the kana or Latin reading %s', (value) => expect(code('READING', value)).toBeNull());

  it.each(['山田 タロウ', 'ヤマダ1', '、・', 'Taro@jp'])('refuses %s (kanji, digits, no letter, symbols)', (value) =>
    expect(code('READING', value)).toBe('INVALID_FORMAT'),
  );

  it('is the format of the name reading, on one line', () => {
    expect(validateDataItemValue('NAME_READING', '山田')?.code).toBe('INVALID_FORMAT');
    expect(validateDataItemValue('NAME_READING', 'ヤマダ\nタロウ')?.code).toBe('CONTROL_CHARACTERS');
  });
});

describe('validateField TEXT', () => {
  it('defaults to the note limit and honours maxLength and multiline', () => {
    expect(code('TEXT', 'x'.repeat(FIELD_LIMITS.note))).toBeNull();
    expect(code('TEXT', 'x'.repeat(FIELD_LIMITS.note + 1))).toBe('TOO_LONG');
    expect(code('TEXT', 'abc', { maxLength: 2 })).toBe('TOO_LONG');
    expect(code('TEXT', 'a\nb')).toBe('CONTROL_CHARACTERS');
    expect(code('TEXT', 'a\nb', { multiline: true })).toBeNull();
    expect(code('TEXT', '山田 太郎')).toBeNull();
  });

  it('requires every format to have a value', () => {
    for (const format of FIELD_FORMATS) expect(code(format, ' ')).toBe('REQUIRED');
  });
});

describe('validateDataItemValue', () => {
  const sample = {
    NAME: '山田 太郎',
    NAME_READING: 'ヤマダ タロウ',
    POSTAL_CODE: '102-0073',
    POSTAL_ADDRESS: '東京都千代田区九段北1-5-9\n九段誠和ビル',
    EMAIL: 'jspe_jspe@jspe.or.jp',
    TELEPHONE: '+81-3-5226-5191',
    FAX: '+81-3-5226-5192',
    AFFILIATION: '公益社団法人 精密工学会',
    MEMBERSHIP_NUMBER: 'JSPE-000123',
    COOKIE_IDENTIFIER: '3f2a9c1e-7b6d-4e0f-9a8b-1c2d3e4f5a6b',
  } as const;

  it.each(DATA_CATEGORIES)('accepts a realistic %s and rejects one past its max length', (category) => {
    const info = DATA_CATEGORY_INFO[category];
    expect(validateDataItemValue(category, sample[category])).toBeNull();
    const long =
      info.format === 'TEXT' || info.format === 'READING'
        ? 'あ'.repeat(info.maxLength + 1)
        : '1'.repeat(info.maxLength + 1);
    expect(validateDataItemValue(category, long, 'items[0].value')).toMatchObject({
      field: 'items[0].value',
      code: 'TOO_LONG',
    });
  });

  it('accepts exactly the max length of a text category, counted in code points', () => {
    expect(validateDataItemValue('NAME', EMOJI.repeat(DATA_CATEGORY_INFO.NAME.maxLength))).toBeNull();
    expect(validateDataItemValue('NAME', EMOJI.repeat(DATA_CATEGORY_INFO.NAME.maxLength + 1))?.code).toBe('TOO_LONG');
  });

  it('allows line breaks only in the postal address', () => {
    expect(validateDataItemValue('POSTAL_ADDRESS', 'a\nb')).toBeNull();
    expect(validateDataItemValue('NAME', 'a\nb')?.code).toBe('CONTROL_CHARACTERS');
    expect(validateDataItemValue('AFFILIATION', 'a\nb')?.code).toBe('CONTROL_CHARACTERS');
  });

  it('applies the format of the category', () => {
    expect(validateDataItemValue('FAX', 'not a fax')?.code).toBe('INVALID_FORMAT');
    expect(validateDataItemValue('MEMBERSHIP_NUMBER', '会員 123')?.code).toBe('INVALID_FORMAT');
  });

  it('uses category limits no larger than the format default', () => {
    for (const c of DATA_CATEGORIES) {
      const info = DATA_CATEGORY_INFO[c];
      expect(info.maxLength).toBeLessThanOrEqual(
        info.format === 'TEXT' ? FIELD_LIMITS.note : DEFAULT_MAX_LENGTH[info.format],
      );
    }
  });
});

describe('validatePassword', () => {
  it('accepts 12 and 256 code points, rejects 11 and 257', () => {
    expect(validatePassword('x'.repeat(12))).toBeNull();
    expect(validatePassword('x'.repeat(256))).toBeNull();
    expect(validatePassword('x'.repeat(11))).toMatchObject({ field: 'password', code: 'TOO_SHORT' });
    expect(validatePassword('x'.repeat(257))?.code).toBe('TOO_LONG');
    expect(validatePassword(EMOJI.repeat(11))?.code).toBe('TOO_SHORT');
  });
});

describe('normalizeLineBreaks', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normalizeLineBreaks('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    expect(validateText(normalizeLineBreaks('a\r\nb'), { field: 'note', maxLength: 9, multiline: true })).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it('folds full-width characters and case and trims', () => {
    expect(normalizeEmail('  ＪＳＰＥ_jspe＠JSPE.or.JP\u3000')).toBe('jspe_jspe@jspe.or.jp');
    expect(normalizeEmail('A@B.JP')).toBe('a@b.jp');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => normalizeEmail(normalizeEmail(s)) === normalizeEmail(s)),
    );
  });
});
