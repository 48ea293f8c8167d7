import { memberOf } from '../vocabulary/guard.js';
import type { Localized } from '../vocabulary/localized.js';

/** Cookie categories (policy clause 6). Only STRICTLY_NECESSARY is required. */
export const COOKIE_CATEGORIES = ['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING'] as const;
export type CookieCategory = (typeof COOKIE_CATEGORIES)[number];
export const isCookieCategory = memberOf(COOKIE_CATEGORIES);

export type CookieCategoryInfo = {
  readonly label: Localized;
  /** What the category is for, as the banner explains it. */
  readonly description: Localized;
  /** A required category is always on and cannot be refused. */
  readonly required: boolean;
  /** Turned off by a Global Privacy Control signal where the site honours it. */
  readonly gpcOptOut: boolean;
};

export const COOKIE_CATEGORY_INFO: Readonly<Record<CookieCategory, CookieCategoryInfo>> = {
  STRICTLY_NECESSARY: {
    label: { en: 'Strictly necessary', ja: '必須' },
    description: {
      en: 'Needed for the site to work and to remember your cookie choice. They cannot be switched off.',
      ja: 'サイトの動作とクッキーの選択の記録に必要なもので、無効にすることはできません。',
    },
    required: true,
    gpcOptOut: false,
  },
  FUNCTIONAL: {
    label: { en: 'Functional', ja: '機能' },
    description: {
      en: 'Remember settings such as your language to make the site more convenient.',
      ja: '言語などの設定を記憶し、サイトを便利にご利用いただくためのものです。',
    },
    required: false,
    gpcOptOut: false,
  },
  ANALYTICS: {
    label: { en: 'Analytics', ja: '分析' },
    description: {
      en: 'Help us understand how the site is used so that we can improve it.',
      ja: 'サイトの利用状況を把握し、改善に役立てるためのものです。',
    },
    required: false,
    gpcOptOut: true,
  },
  MARKETING: {
    label: { en: 'Marketing', ja: 'マーケティング' },
    description: {
      en: 'Used to show you relevant announcements on this and other sites.',
      ja: '本サイトや他のサイトで関連するお知らせを表示するためのものです。',
    },
    required: false,
    gpcOptOut: true,
  },
};

/** On (true) or off (false) for every category. */
export type CookieChoice = Readonly<Record<CookieCategory, boolean>>;

/** Where a declared tracker keeps its data in the visitor's browser. */
export const COOKIE_STORAGE_KINDS = ['COOKIE', 'LOCAL_STORAGE', 'SESSION_STORAGE', 'INDEXED_DB', 'PIXEL'] as const;
export type CookieStorageKind = (typeof COOKIE_STORAGE_KINDS)[number];
export const isCookieStorageKind = memberOf(COOKIE_STORAGE_KINDS);

/** What a visitor did with the banner: recorded a choice, or withdrew every optional category. */
export const COOKIE_CONSENT_ACTIONS = ['CHOOSE', 'WITHDRAW'] as const;
export type CookieConsentAction = (typeof COOKIE_CONSENT_ACTIONS)[number];
