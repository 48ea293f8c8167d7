import type { FieldFormat } from './formats.js';
import { memberOf } from './guard.js';
import type { Localized } from './localized.js';

export const DATA_CATEGORIES = [
  'NAME',
  'NAME_READING',
  'POSTAL_CODE',
  'POSTAL_ADDRESS',
  'EMAIL',
  'TELEPHONE',
  'FAX',
  'AFFILIATION',
  'MEMBERSHIP_NUMBER',
  'COOKIE_IDENTIFIER',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];
export const isDataCategory = memberOf(DATA_CATEGORIES);

/**
 * Steward's default handling tiers, not a legal classification: none of these categories is
 * "special care-required" information (要配慮個人情報) under the APPI.
 */
export const SENSITIVITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];
export const isSensitivity = memberOf(SENSITIVITIES);

export const SENSITIVITY_LABELS: Readonly<Record<Sensitivity, Localized>> = {
  LOW: { en: 'Low', ja: '低' },
  MEDIUM: { en: 'Medium', ja: '中' },
  HIGH: { en: 'High', ja: '高' },
};

export type DataCategoryInfo = {
  readonly sensitivity: Sensitivity;
  readonly format: FieldFormat;
  /** Maximum length in Unicode code points. */
  readonly maxLength: number;
  readonly multiline: boolean;
  readonly label: Localized;
  readonly description: Localized;
  /**
   * The category this one belongs to: a purpose that states `partOf` needs this category too
   * (`purposeNeeds`), so it is collected and used under that purpose's consent. Exceptions (outsourcing,
   * law, agreements, board approvals) never widen this way: their scope names every category they
   * provide, so a courier given NAME and POSTAL_ADDRESS does not receive the reading.
   */
  readonly partOf?: DataCategory;
};

export const DATA_CATEGORY_INFO: Readonly<Record<DataCategory, DataCategoryInfo>> = {
  NAME: {
    sensitivity: 'MEDIUM',
    format: 'TEXT',
    maxLength: 120,
    multiline: false,
    label: { en: 'Name', ja: '氏名' },
    description: { en: "The provider's full name.", ja: '提供者の氏名。' },
  },
  NAME_READING: {
    // As the name: the reading identifies the same person, it adds nothing about them.
    sensitivity: 'MEDIUM',
    format: 'READING',
    maxLength: 120,
    multiline: false,
    label: { en: 'Name reading (furigana)', ja: 'フリガナ' },
    description: {
      en: 'How the name is read, in kana or Latin letters, as the provider wrote it (never derived from kanji).',
      ja: '氏名の読み方（カナまたはローマ字）。提供者が記入したとおりに記録し、漢字から推測しない。',
    },
    partOf: 'NAME',
  },
  POSTAL_CODE: {
    sensitivity: 'LOW',
    format: 'POSTAL_CODE',
    maxLength: 10,
    multiline: false,
    label: { en: 'Postal code', ja: '郵便番号' },
    description: { en: 'Postal code of the mailing address.', ja: '送付先の郵便番号。' },
  },
  POSTAL_ADDRESS: {
    // High: together with a name it locates a person, e.g. for delivery (policy clause 2, item 3).
    sensitivity: 'HIGH',
    format: 'TEXT',
    maxLength: 500,
    multiline: true,
    label: { en: 'Postal address', ja: '住所' },
    description: { en: 'Mailing address, possibly over several lines.', ja: '送付先の住所（複数行可）。' },
  },
  EMAIL: {
    sensitivity: 'MEDIUM',
    format: 'EMAIL',
    maxLength: 254,
    multiline: false,
    label: { en: 'E-mail address', ja: 'メールアドレス' },
    description: { en: 'E-mail address for correspondence.', ja: '連絡用のメールアドレス。' },
  },
  TELEPHONE: {
    // High: often a personal mobile number that reaches the person directly.
    sensitivity: 'HIGH',
    format: 'TELEPHONE',
    maxLength: 32,
    multiline: false,
    label: { en: 'Telephone number', ja: '電話番号' },
    description: { en: 'Telephone number for contact.', ja: '連絡用の電話番号。' },
  },
  FAX: {
    sensitivity: 'LOW',
    format: 'TELEPHONE',
    maxLength: 32,
    multiline: false,
    label: { en: 'Fax number', ja: 'FAX番号' },
    description: { en: 'Fax number, usually an office line.', ja: 'FAX番号（通常は勤務先）。' },
  },
  AFFILIATION: {
    sensitivity: 'LOW',
    format: 'TEXT',
    maxLength: 200,
    multiline: false,
    label: { en: 'Affiliation', ja: '所属' },
    description: { en: 'Organisation, department or school.', ja: '所属機関・部署・学校。' },
  },
  MEMBERSHIP_NUMBER: {
    sensitivity: 'MEDIUM',
    format: 'IDENTIFIER',
    maxLength: 64,
    multiline: false,
    label: { en: 'Membership number', ja: '会員番号' },
    description: { en: "The society's membership number.", ja: '学会の会員番号。' },
  },
  COOKIE_IDENTIFIER: {
    // Policy clause 6: cookie-collected information is protected like personal information.
    sensitivity: 'MEDIUM',
    format: 'IDENTIFIER',
    maxLength: 64,
    multiline: false,
    label: { en: 'Cookie identifier', ja: 'クッキー識別子' },
    description: {
      en: 'Identifier stored in a browser cookie.',
      ja: 'ブラウザのクッキーに保存される識別子。',
    },
  },
};
