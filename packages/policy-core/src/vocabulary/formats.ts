import { memberOf } from './guard.js';
import type { Localized } from './localized.js';

/** The shapes a value can be checked against (see fields/field-formats.ts for the rules). */
export const FIELD_FORMATS = ['TEXT', 'EMAIL', 'TELEPHONE', 'POSTAL_CODE', 'IDENTIFIER', 'READING'] as const;
export type FieldFormat = (typeof FIELD_FORMATS)[number];
export const isFieldFormat = memberOf(FIELD_FORMATS);

export const FIELD_FORMAT_LABELS: Readonly<Record<FieldFormat, Localized>> = {
  TEXT: { en: 'Text', ja: 'テキスト' },
  EMAIL: { en: 'E-mail address', ja: 'メールアドレス' },
  TELEPHONE: { en: 'Telephone number', ja: '電話番号' },
  POSTAL_CODE: { en: 'Postal code', ja: '郵便番号' },
  IDENTIFIER: { en: 'Identifier', ja: '識別子' },
  READING: { en: 'Reading (kana or Latin letters)', ja: '読み（カナ・ローマ字）' },
};
