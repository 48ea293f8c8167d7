import { describe, expect, it } from 'vitest';
import * as api from '../index.js';
import {
  ADMIN_ROLES,
  ADMIN_ROLE_LABELS,
  COLLECTION_CHANNELS,
  COLLECTION_CHANNEL_LABELS,
  CONSENT_ACTIONS,
  CONSENT_ACTION_LABELS,
  CONSENT_METHODS,
  CONSENT_METHOD_LABELS,
  CONSENT_STATES,
  CONSENT_STATE_LABELS,
  DATA_CATEGORIES,
  DATA_CATEGORY_INFO,
  EXCEPTION_KINDS,
  EXCEPTION_KIND_INFO,
  FIELD_FORMATS,
  FIELD_FORMAT_LABELS,
  POLICY_CLAUSES,
  POLICY_CLAUSE_INFO,
  PROVIDER_KINDS,
  PROVIDER_KIND_LABELS,
  PROVIDER_LANGUAGES,
  PROVIDER_LANGUAGE_LABELS,
  defaultProviderLanguage,
  ROLE_CAN_WRITE,
  SENSITIVITIES,
  SENSITIVITY_LABELS,
  isAdminRole,
  isCollectionChannel,
  isConsentAction,
  isConsentMethod,
  isConsentState,
  isDataCategory,
  isExceptionKind,
  isFieldFormat,
  isPolicyClause,
  isProviderKind,
  isSensitivity,
  type Localized,
} from '../index.js';

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

const vocabularies: [string, readonly string[], (x: unknown) => boolean][] = [
  ['PROVIDER_KINDS', PROVIDER_KINDS, isProviderKind],
  ['DATA_CATEGORIES', DATA_CATEGORIES, isDataCategory],
  ['SENSITIVITIES', SENSITIVITIES, isSensitivity],
  ['CONSENT_ACTIONS', CONSENT_ACTIONS, isConsentAction],
  ['CONSENT_STATES', CONSENT_STATES, isConsentState],
  ['CONSENT_METHODS', CONSENT_METHODS, isConsentMethod],
  ['COLLECTION_CHANNELS', COLLECTION_CHANNELS, isCollectionChannel],
  ['POLICY_CLAUSES', POLICY_CLAUSES, isPolicyClause],
  ['EXCEPTION_KINDS', EXCEPTION_KINDS, isExceptionKind],
  ['ADMIN_ROLES', ADMIN_ROLES, isAdminRole],
  ['FIELD_FORMATS', FIELD_FORMATS, isFieldFormat],
];

describe('vocabulary lists and guards', () => {
  it.each(vocabularies)('%s has unique UPPER_SNAKE values accepted by its guard', (_name, values, guard) => {
    expect(new Set(values).size).toBe(values.length);
    for (const v of values) {
      expect(v).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
      expect(guard(v)).toBe(true);
    }
  });

  it.each(vocabularies)('%s guard rejects near misses and non-strings', (_name, values, guard) => {
    const first = values[0]!;
    for (const x of [
      first.toLowerCase(),
      ` ${first}`,
      `${first}_X`,
      '',
      null,
      undefined,
      0,
      {},
      [first],
      'toString',
      '__proto__',
    ]) {
      expect(guard(x)).toBe(false);
    }
  });

  it('keeps the contract order of the lists the API registers as enums', () => {
    expect(PROVIDER_KINDS).toEqual(['RELATED_PERSONNEL', 'BUSINESS_USER', 'SERVICE_USER']);
    expect(CONSENT_ACTIONS).toEqual(['GRANT', 'REFUSE', 'WITHDRAW']);
    expect(DATA_CATEGORIES[0]).toBe('NAME');
    expect(DATA_CATEGORIES.at(-1)).toBe('COOKIE_IDENTIFIER');
  });
});

describe('labels', () => {
  const labelMaps: [string, readonly string[], Readonly<Record<string, Localized>>][] = [
    ['PROVIDER_KIND_LABELS', PROVIDER_KINDS, PROVIDER_KIND_LABELS],
    ['SENSITIVITY_LABELS', SENSITIVITIES, SENSITIVITY_LABELS],
    ['CONSENT_ACTION_LABELS', CONSENT_ACTIONS, CONSENT_ACTION_LABELS],
    ['CONSENT_STATE_LABELS', CONSENT_STATES, CONSENT_STATE_LABELS],
    ['CONSENT_METHOD_LABELS', CONSENT_METHODS, CONSENT_METHOD_LABELS],
    ['COLLECTION_CHANNEL_LABELS', COLLECTION_CHANNELS, COLLECTION_CHANNEL_LABELS],
    ['ADMIN_ROLE_LABELS', ADMIN_ROLES, ADMIN_ROLE_LABELS],
    ['FIELD_FORMAT_LABELS', FIELD_FORMATS, FIELD_FORMAT_LABELS],
    ['PROVIDER_LANGUAGE_LABELS', PROVIDER_LANGUAGES, PROVIDER_LANGUAGE_LABELS],
  ];

  it.each(labelMaps)('%s labels exactly the list, in English and Japanese', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const v of values) {
      expect(labels[v]!.en.trim()).not.toBe('');
      expect(labels[v]!.ja).toMatch(JAPANESE);
    }
  });

  it('uses the Japanese names of the provider kinds and categories', () => {
    expect(Object.values(PROVIDER_KIND_LABELS).map((l) => l.ja)).toEqual(['関係者', '事業利用者', 'サービス利用者']);
    expect(DATA_CATEGORIES.map((c) => DATA_CATEGORY_INFO[c].label.ja)).toEqual([
      '氏名',
      'フリガナ',
      '郵便番号',
      '住所',
      'メールアドレス',
      '電話番号',
      'FAX番号',
      '所属',
      '会員番号',
      'クッキー識別子',
    ]);
  });
});

describe('DATA_CATEGORY_INFO', () => {
  it.each(DATA_CATEGORIES)('%s has a known sensitivity and format, a positive limit and Japanese texts', (c) => {
    const info = DATA_CATEGORY_INFO[c];
    expect(isSensitivity(info.sensitivity)).toBe(true);
    expect(isFieldFormat(info.format)).toBe(true);
    expect(Number.isInteger(info.maxLength) && info.maxLength > 0).toBe(true);
    expect(info.label.ja).toMatch(JAPANESE);
    expect(info.description.ja).toMatch(JAPANESE);
    expect(info.description.en.length).toBeGreaterThan(5);
  });

  it('allows line breaks only where a value spans lines (postal address)', () => {
    expect(DATA_CATEGORIES.filter((c) => DATA_CATEGORY_INFO[c].multiline)).toEqual(['POSTAL_ADDRESS']);
  });
});

describe('POLICY_CLAUSE_INFO', () => {
  it('numbers the clauses 1–8 in list order with the policy titles', () => {
    expect(POLICY_CLAUSES.map((c) => POLICY_CLAUSE_INFO[c].number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(POLICY_CLAUSES.map((c) => POLICY_CLAUSE_INFO[c].title.ja)).toEqual([
      '個人情報の収集',
      '利用目的',
      '個人情報の管理',
      '個人情報の開示・訂正',
      'ウェブサイトの利用について',
      'クッキー(Cookie)',
      'プライバシーポリシーの変更',
      '個人情報の取扱いに関するお問い合わせ',
    ]);
    expect(POLICY_CLAUSE_INFO.MANAGEMENT.title.en).toBe('Management of Personal Information');
  });
});

describe('EXCEPTION_KIND_INFO', () => {
  it('follows the four items of clause 2, each needing distinct evidence', () => {
    expect(EXCEPTION_KINDS.map((k) => EXCEPTION_KIND_INFO[k].item)).toEqual([1, 2, 3, 4]);
    for (const k of EXCEPTION_KINDS) {
      const evidence = EXCEPTION_KIND_INFO[k].requiredEvidence;
      expect(evidence.length).toBeGreaterThan(0);
      expect(new Set(evidence).size).toBe(evidence.length);
      expect(EXCEPTION_KIND_INFO[k].title.ja).toMatch(JAPANESE);
    }
    expect(EXCEPTION_KIND_INFO.OUTSOURCING.requiredEvidence).toContain('contractReference');
  });
});

describe('defaultProviderLanguage', () => {
  it("is the organisation's default language, else Japanese", () => {
    expect(defaultProviderLanguage()).toBe('ja');
    expect(defaultProviderLanguage(null)).toBe('ja');
    expect(defaultProviderLanguage('en')).toBe('en');
  });
});

describe('NAME_READING', () => {
  it('follows the name: it is part of NAME and no other category is part of another', () => {
    expect(DATA_CATEGORY_INFO.NAME_READING.partOf).toBe('NAME');
    expect(DATA_CATEGORIES.filter((c) => DATA_CATEGORY_INFO[c].partOf !== undefined)).toEqual(['NAME_READING']);
    expect(DATA_CATEGORY_INFO.NAME_READING.label).toEqual({ en: 'Name reading (furigana)', ja: 'フリガナ' });
  });
});

describe('ROLE_CAN_WRITE', () => {
  it('lets owners and privacy officers write and viewers only read', () => {
    expect(ROLE_CAN_WRITE).toEqual({ OWNER: true, PRIVACY_OFFICER: true, VIEWER: false });
  });
});

describe('package entry point', () => {
  it('exports every name the API and admin rely on', () => {
    const contract = [
      'PROVIDER_KINDS',
      'DATA_CATEGORIES',
      'SENSITIVITIES',
      'DATA_CATEGORY_INFO',
      'CONSENT_ACTIONS',
      'CONSENT_STATES',
      'CONSENT_METHODS',
      'COLLECTION_CHANNELS',
      'POLICY_CLAUSES',
      'POLICY_CLAUSE_INFO',
      'EXCEPTION_KINDS',
      'EXCEPTION_KIND_INFO',
      'ADMIN_ROLES',
      'ROLE_CAN_WRITE',
      'FIELD_FORMATS',
      'FIELD_LIMITS',
      'validateField',
      'validateDataItemValue',
      'normalizeEmail',
      'normalizeForSearch',
      'nameIndexTerms',
      'nameSearchTerms',
      'purposeNeeds',
      'defaultProviderLanguage',
      'validateText',
      'orderConsentEvents',
      'currentConsents',
      'consentFor',
      'stateAfter',
      'validateConsentChange',
      'mayUseForPurpose',
      'validateCollection',
      'categoriesNeeded',
      'isProviderKind',
      'isDataCategory',
      'isConsentAction',
    ];
    const exported = new Set(Object.keys(api));
    expect(contract.filter((name) => !exported.has(name))).toEqual([]);
  });
});
