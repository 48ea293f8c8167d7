import { describe, expect, it } from 'vitest';
import {
  guessImportMapping,
  guessImportTarget,
  isFormulaLike,
  parseImportDate,
  planImport,
  validateImportMapping,
  type ImportContext,
} from './import-rows.js';

const CTX: ImportContext = {
  purposes: [
    {
      key: 'journal-delivery',
      titleJa: '会誌の送付',
      titleEn: 'Journal delivery',
      categories: ['NAME', 'POSTAL_ADDRESS'],
      retired: false,
    },
    {
      key: 'newsletter',
      titleJa: 'ニュースレター',
      titleEn: 'Newsletter',
      categories: ['NAME', 'EMAIL'],
      retired: false,
    },
    { key: 'old', categories: ['FAX'], retired: true },
  ],
  providerKind: 'RELATED_PERSONNEL',
  currentPolicyVersion: 4,
  now: new Date('2026-12-07T00:00:00Z'),
  existingReferences: new Set(['M-0001']),
};
const HEADERS = ['会員番号', '氏名', 'フリガナ', '住所', 'メール', '同意した利用目的', '同意日', 'メモ'];
const MAPPING = guessImportMapping(HEADERS);
const row = (over: Partial<Record<number, string>> = {}) => {
  const base = [
    'M-0100',
    '山田 太郎',
    'ヤマダ タロウ',
    '東京都千代田区1-1',
    'taro@example.jp',
    '会誌の送付;newsletter',
    '2024-04-01',
    'x',
  ];
  return base.map((v, i) => over[i] ?? v);
};

describe('guessing columns from headers', () => {
  it('reads Japanese and English headers, ignoring width, case and spaces', () => {
    expect(MAPPING.map((m) => m.target)).toEqual([
      'REFERENCE',
      'NAME',
      'NAME_READING',
      'POSTAL_ADDRESS',
      'EMAIL',
      'PURPOSES',
      'CONSENT_DATE',
      'IGNORE',
    ]);
    expect(['Member No.', 'E-mail', 'Ｎａｍｅ', 'Consent date', 'Furigana', 'TEL'].map(guessImportTarget)).toEqual([
      'REFERENCE',
      'EMAIL',
      'NAME',
      'CONSENT_DATE',
      'NAME_READING',
      'TELEPHONE',
    ]);
    expect(guessImportTarget('備考')).toBe('IGNORE');
  });
  it('maps a target once: a second column naming it is ignored', () => {
    expect(guessImportMapping(['Name', '氏名']).map((m) => m.target)).toEqual(['NAME', 'IGNORE']);
  });
});

describe('checking a mapping', () => {
  it('needs the key column and the purposes, each target once', () => {
    expect(validateImportMapping(MAPPING, HEADERS.length)).toEqual([]);
    const codes = validateImportMapping(
      [
        { column: 0, target: 'NAME' },
        { column: 1, target: 'NAME' },
        { column: 9, target: 'EMAIL' },
      ],
      3,
    ).map((i) => [i.field, i.code]);
    expect(codes).toEqual([
      ['mapping[1].target', 'DUPLICATE'],
      ['mapping[2].column', 'INVALID_VALUE'],
      ['mapping', 'REQUIRED'],
      ['mapping', 'REQUIRED'],
    ]);
  });
});

describe('planning rows', () => {
  it('turns a good row into an IMPORT collection consented on paper, purposes by title or key', () => {
    const [plan] = planImport([row()], MAPPING, CTX);
    expect(plan!.status).toBe('READY');
    expect(plan!.issues).toEqual([]);
    expect(plan!.consentDate).toEqual(new Date('2024-04-01T00:00:00Z'));
    expect(plan!.draft).toMatchObject({
      channel: 'IMPORT',
      consentMethod: 'SIGNED_FORM',
      policyVersionShown: 4,
      purposes: [
        { purposeKey: 'journal-delivery', granted: true },
        { purposeKey: 'newsletter', granted: true },
      ],
    });
    expect(plan!.draft!.items.map((i) => i.category)).toEqual(['NAME', 'NAME_READING', 'POSTAL_ADDRESS', 'EMAIL']);
  });

  it('reports each problem with its row number and column, by the collection rules', () => {
    const plans = planImport(
      [
        row({ 4: 'not-an-email', 5: '会誌の送付;newsletter;no-such' }),
        row({ 0: '', 6: '2024-02-30' }),
        row({ 0: 'M-0200', 5: 'newsletter', 3: '東京都' }), // the address is needed by no purpose consented
      ],
      MAPPING,
      CTX,
    );
    expect(plans.map((p) => p.issues.map((i) => [i.row, i.column, i.code]))).toEqual([
      [
        [2, 5, 'UNKNOWN_PURPOSE'],
        [2, 4, 'INVALID_FORMAT'],
      ],
      [
        [3, 0, 'REQUIRED'],
        [3, 6, 'INVALID_FORMAT'],
      ],
      [[4, 3, 'CATEGORY_NOT_NEEDED']],
    ]);
    expect(plans.every((p) => p.status === 'INVALID' && p.draft === null)).toBe(true);
  });

  it('refuses hostile cells per row: NUL, bidi controls, formulas', () => {
    const plans = planImport(
      [
        row({ 1: '山田\u0000太郎' }),
        row({ 0: 'M-2', 1: '\u202Eevil' }),
        row({ 0: 'M-3', 1: '=HYPERLINK("x")' }),
        row({ 0: 'M-4' }),
      ],
      MAPPING,
      CTX,
    );
    expect(plans.map((p) => p.issues.map((i) => [i.column, i.code]))).toEqual([
      [[1, 'CONTROL_CHARACTERS']],
      [[1, 'CONTROL_CHARACTERS']],
      [[1, 'FORMULA']],
      [],
    ]);
  });

  it('skips a key Steward already has and refuses a key repeated in the file', () => {
    const plans = planImport([row({ 0: 'M-0001' }), row({ 0: 'M-7' }), row({ 0: 'M-7' })], MAPPING, CTX);
    expect(plans.map((p) => p.status)).toEqual(['EXISTS', 'READY', 'INVALID']);
    expect(plans[2]!.issues.map((i) => [i.column, i.code])).toEqual([[0, 'DUPLICATE']]);
  });

  it('refuses a consent day in the future or a missing one', () => {
    const plans = planImport([row({ 6: '2027-01-01' }), row({ 0: 'M-9', 6: '' })], MAPPING, CTX);
    expect(plans.map((p) => p.issues.map((i) => i.code))).toEqual([['NOT_YET_HAPPENED'], ['REQUIRED']]);
  });
});

describe('cells and days', () => {
  it('tells formulas from telephone numbers', () => {
    expect(['=1+1', '@SUM(A1)', '+cmd', '-2+3*x', ' =x'].map(isFormulaLike)).toEqual([true, true, true, true, true]);
    expect(['+81 3-1234-5678', '-', '03-1234-5678', 'a=b'].map(isFormulaLike)).toEqual([false, false, false, false]);
  });
  it('reads days in the usual forms and refuses impossible ones', () => {
    expect(parseImportDate('2024/4/1')).toEqual(new Date('2024-04-01T00:00:00Z'));
    expect(parseImportDate('２０２４－０４－０１')).toEqual(new Date('2024-04-01T00:00:00Z'));
    expect(parseImportDate('2023-02-29')).toBeNull();
    expect(parseImportDate('April 1')).toBeNull();
  });
});
