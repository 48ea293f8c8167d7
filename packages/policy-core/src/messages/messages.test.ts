import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { DECISION_REASON_CODES } from '../decision/decision.js';
import { ISSUE_CODES } from '../issues.js';
import {
  LABEL_VOCABULARIES,
  LANGUAGES,
  formatPlain,
  issueKey,
  label,
  labelKey,
  localizeParams,
  messageText,
  messages,
  reasonKey,
  type LabelNamespace,
  type MessageKey,
} from './index.js';
import { en } from './en.js';
import { ja } from './ja.js';

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The ICU arguments a message uses (including the ones inside select cases), with their types. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument) out.add(`${e.value}`);
    else if (e.type === TYPE.select) {
      out.add(`${e.value}:select`);
      for (const option of Object.values(e.options)) argumentsOf(option.value, out);
    } else if (e.type === TYPE.plural) {
      out.add(`${e.value}:plural`);
      for (const option of Object.values(e.options)) argumentsOf(option.value, out);
    } else if (e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) out.add(`${e.value}:${e.type}`);
    else if (e.type === TYPE.tag) argumentsOf(e.children, out);
  }
  return out;
}

const keys = Object.keys(en) as MessageKey[];
const required: MessageKey[] = [
  ...ISSUE_CODES.map(issueKey),
  ...DECISION_REASON_CODES.map(reasonKey),
  ...(Object.keys(LABEL_VOCABULARIES) as LabelNamespace[]).flatMap((ns) =>
    LABEL_VOCABULARIES[ns].map((v: string) => labelKey(ns, v as never)),
  ),
];

describe('the message catalogue', () => {
  it('has the same keys in every language', () => {
    expect(Object.keys(ja).sort()).toEqual([...keys].sort());
    expect(LANGUAGES).toEqual(['ja', 'en']);
  });

  it('has a message for every issue code, reason code and vocabulary value, in both languages', () => {
    const missing = LANGUAGES.flatMap((lang) =>
      required.filter((k) => (messages[lang][k] ?? '').trim() === '').map((k) => `${lang}:${k}`),
    );
    expect(missing).toEqual([]);
    // Nothing but those: a key no code or value names is a phrase nobody can reach.
    expect(keys.filter((k) => !required.includes(k))).toEqual([]);
  });

  it.each(keys)('%s parses as ICU and uses the same arguments in ja and en', (key) => {
    const en = argumentsOf(parse(messages.en[key]));
    const ja = argumentsOf(parse(messages.ja[key]));
    expect([...ja].sort()).toEqual([...en].sort());
  });

  it('is written in Japanese in ja (apart from a few proper names)', () => {
    const latinOnly = keys.filter((k) => !JAPANESE.test(messages.ja[k]));
    expect(latinOnly).toEqual(['requestChannel.FAX', 'cookieStorageKind.INDEXED_DB']);
  });

  it('keeps reasons and issues to what formatPlain formats: no plural, number, date or apostrophe', () => {
    for (const k of keys.filter((k) => k.startsWith('reason.') || k.startsWith('issue.'))) {
      for (const lang of LANGUAGES) {
        const types = [...argumentsOf(parse(messages[lang][k]))].filter((a) => a.includes(':'));
        expect(
          types.every((t) => t.endsWith(':select')),
          `${lang}:${k}`,
        ).toBe(true);
        expect(messages[lang][k]).not.toContain("'");
      }
    }
  });
});

describe('formatPlain', () => {
  // Every select case of every reason, with each argument given: formatPlain must agree with intl-messageformat.
  const values: Record<string, readonly (string | number)[]> = {
    consent: ['OUTDATED', 'OTHER_PURPOSE', 'REFUSED', 'WITHDRAWN', 'NOT_ASKED'],
    exceptions: ['NONE_SUPPLIED', 'NO_LAW_SUPPLIED', 'NONE_COVERS'],
    action: ['USE', 'PROVIDE'],
    status: ['DRAFT', 'REVOKED', 'EXPIRED', 'NOT_YET_VALID', 'SOMETHING_NEW'],
    scope: ['INTERNAL_USE', 'OTHER_RECIPIENT'],
    useReason: ['CONSENT_NOT_GRANTED', 'CATEGORY_NOT_IN_PURPOSE', 'PURPOSE_RETIRED', 'PURPOSE_NOT_STATED'],
    basis: ['CONSENT', 'PUBLICLY_AVAILABLE', 'EXCEPTION'],
  };
  const base = {
    purpose: '学会誌の送付',
    purposeKey: 'JOURNAL_DELIVERY',
    recipient: 'ヤマト運輸',
    recipientId: 'r-1',
    exception: 'x-courier',
    providerId: 'p-1',
    provider: 'JSPE-M-000101',
    category: 'POSTAL_ADDRESS',
    changedInVersion: 3,
    max: 200,
    min: 8,
    ...Object.fromEntries(Object.entries(values).map(([name, vs]) => [name, vs[0]!])),
  };
  const cases = keys
    .filter((k) => k.startsWith('reason.') || k.startsWith('issue.'))
    .flatMap((k) =>
      LANGUAGES.flatMap((lang) =>
        Object.entries(values).flatMap(([name, vs]) => vs.map((v) => [lang, k, { ...base, [name]: v }] as const)),
      ),
    );

  it('agrees with intl-messageformat on every reason and issue, in every select case', () => {
    for (const [lang, key, params] of cases) {
      const localized = localizeParams(params, lang);
      const expected = new IntlMessageFormat(messages[lang][key], lang).format(localized);
      expect(formatPlain(messages[lang][key], localized), `${lang}:${key}`).toBe(expected);
    }
  });

  it('refuses what it does not know rather than printing it wrong', () => {
    expect(() => formatPlain('{n, plural, one {# item} other {# items}}', { n: 1 })).toThrow(SyntaxError);
    expect(() => formatPlain('{missing}', {})).toThrow(RangeError);
    expect(() => formatPlain('{a, select, x {X}}', { a: 'y' })).toThrow(SyntaxError);
    expect(() => formatPlain('a {b', { b: 1 })).toThrow(SyntaxError);
    expect(formatPlain('{a, select, x {X {b}} other {O}}!', { a: 'x', b: 2 })).toBe('X 2!');
  });
});

describe('helpers', () => {
  it('names keys and labels', () => {
    expect(labelKey('dataCategory', 'NAME')).toBe('dataCategory.NAME');
    expect(label('ja', 'dataCategory', 'NAME')).toBe('氏名');
    expect(label('en', 'requestKind', 'CESSATION')).toBe('Cessation of use');
    expect(reasonKey('CONSENT_GRANTED')).toBe('reason.CONSENT_GRANTED');
    expect(issueKey('REQUIRED')).toBe('issue.REQUIRED');
  });

  it('words a reason in Japanese with the category label and the purpose name', () => {
    const params = { purpose: '学会誌の送付', purposeKey: 'JOURNAL_DELIVERY', category: 'POSTAL_ADDRESS' };
    expect(localizeParams(params, 'ja')).toEqual({ ...params, category: '住所' });
    expect(messageText('ja', 'reason.CATEGORY_NOT_IN_PURPOSE', params)).toBe(
      '利用目的「学会誌の送付」に住所は必要ありません。',
    );
    expect(messageText('en', 'reason.CONSENT_GRANTED', { purpose: 'Journal delivery' })).toBe(
      'Consent to "Journal delivery" is granted.',
    );
  });
});
