import { memberOf } from './guard.js';
import type { Localized } from './localized.js';

/** The eight numbered clauses of the reference policy, in order. */
export const POLICY_CLAUSES = [
  'COLLECTION',
  'PURPOSE_OF_USE',
  'MANAGEMENT',
  'DISCLOSURE_AND_AMENDMENT',
  'WEBSITE_USE',
  'COOKIES',
  'CHANGES',
  'INQUIRIES',
] as const;
export type PolicyClause = (typeof POLICY_CLAUSES)[number];
export const isPolicyClause = memberOf(POLICY_CLAUSES);

export type PolicyClauseNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type PolicyClauseInfo = { readonly number: PolicyClauseNumber; readonly title: Localized };

export const POLICY_CLAUSE_INFO: Readonly<Record<PolicyClause, PolicyClauseInfo>> = {
  COLLECTION: {
    number: 1,
    title: { en: 'Collection of Personal Information', ja: '個人情報の収集' },
  },
  PURPOSE_OF_USE: { number: 2, title: { en: 'Purpose of Use', ja: '利用目的' } },
  MANAGEMENT: {
    number: 3,
    title: { en: 'Management of Personal Information', ja: '個人情報の管理' },
  },
  DISCLOSURE_AND_AMENDMENT: {
    number: 4,
    title: { en: 'Disclosure and Amendment of Personal Information', ja: '個人情報の開示・訂正' },
  },
  WEBSITE_USE: {
    number: 5,
    title: { en: 'Use of Information on Websites', ja: 'ウェブサイトの利用について' },
  },
  COOKIES: { number: 6, title: { en: 'Cookies', ja: 'クッキー(Cookie)' } },
  CHANGES: {
    number: 7,
    title: { en: 'Changes in the Privacy Policy', ja: 'プライバシーポリシーの変更' },
  },
  INQUIRIES: {
    number: 8,
    title: {
      en: 'Inquiries Regarding the Handling of Personal Information',
      ja: '個人情報の取扱いに関するお問い合わせ',
    },
  },
};
