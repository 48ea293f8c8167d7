import { memberOf } from '../vocabulary/guard.js';
import type { Localized } from '../vocabulary/localized.js';

/** Cookie categories (policy clause 6). Only STRICTLY_NECESSARY is required. */
export const COOKIE_CATEGORIES = ['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING'] as const;
export type CookieCategory = (typeof COOKIE_CATEGORIES)[number];
export const isCookieCategory = /* @__PURE__ */ memberOf(COOKIE_CATEGORIES);

/** What binds a category, apart from its texts. */
export type CookieCategoryRule = {
  /** A required category is always on and cannot be refused. */
  readonly required: boolean;
  /** Turned off by a Global Privacy Control signal where the site honours it. */
  readonly gpcOptOut: boolean;
};

/**
 * Which category is required and which ones Global Privacy Control turns off. Kept apart from the
 * texts so that a bundle applying the rules (the cookie banner) leaves the texts out.
 */
export const COOKIE_CATEGORY_RULES: Readonly<Record<CookieCategory, CookieCategoryRule>> = {
  STRICTLY_NECESSARY: { required: true, gpcOptOut: false },
  FUNCTIONAL: { required: false, gpcOptOut: false },
  ANALYTICS: { required: false, gpcOptOut: true },
  MARKETING: { required: false, gpcOptOut: true },
};

export type CookieCategoryInfo = CookieCategoryRule & {
  readonly label: Localized;
  /** What the category is for, as the banner explains it. */
  readonly description: Localized;
};

const COOKIE_CATEGORY_TEXTS: Readonly<Record<CookieCategory, Pick<CookieCategoryInfo, 'label' | 'description'>>> = {
  STRICTLY_NECESSARY: {
    label: { en: 'Strictly necessary', ja: '必須' },
    description: {
      en: 'Needed for the site to work and to remember your cookie choice. They cannot be switched off.',
      ja: 'サイトの動作とクッキーの選択の記録に必要なもので、無効にすることはできません。',
    },
  },
  FUNCTIONAL: {
    label: { en: 'Functional', ja: '機能' },
    description: {
      en: 'Remember settings such as your language to make the site more convenient.',
      ja: '言語などの設定を記憶し、サイトを便利にご利用いただくためのものです。',
    },
  },
  ANALYTICS: {
    label: { en: 'Analytics', ja: '分析' },
    description: {
      en: 'Help us understand how the site is used so that we can improve it.',
      ja: 'サイトの利用状況を把握し、改善に役立てるためのものです。',
    },
  },
  MARKETING: {
    label: { en: 'Marketing', ja: 'マーケティング' },
    description: {
      en: 'Used to show you relevant announcements on this and other sites.',
      ja: '本サイトや他のサイトで関連するお知らせを表示するためのものです。',
    },
  },
};

function withRules(
  texts: Readonly<Record<CookieCategory, Pick<CookieCategoryInfo, 'label' | 'description'>>>,
): Readonly<Record<CookieCategory, CookieCategoryInfo>> {
  return Object.fromEntries(COOKIE_CATEGORIES.map((c) => [c, { ...texts[c], ...COOKIE_CATEGORY_RULES[c] }])) as Record<
    CookieCategory,
    CookieCategoryInfo
  >;
}

/** Each category's label and description with its rules (`COOKIE_CATEGORY_RULES`). */
// A pure call: bundlers drop the texts where only the rules are used.
export const COOKIE_CATEGORY_INFO: Readonly<Record<CookieCategory, CookieCategoryInfo>> =
  /* @__PURE__ */ withRules(COOKIE_CATEGORY_TEXTS);

/** On (true) or off (false) for every category. */
export type CookieChoice = Readonly<Record<CookieCategory, boolean>>;

/** Where a declared tracker keeps its data in the visitor's browser. */
export const COOKIE_STORAGE_KINDS = ['COOKIE', 'LOCAL_STORAGE', 'SESSION_STORAGE', 'INDEXED_DB', 'PIXEL'] as const;
export type CookieStorageKind = (typeof COOKIE_STORAGE_KINDS)[number];
export const isCookieStorageKind = /* @__PURE__ */ memberOf(COOKIE_STORAGE_KINDS);

/** What a visitor did with the banner: recorded a choice, or withdrew every optional category. */
export const COOKIE_CONSENT_ACTIONS = ['CHOOSE', 'WITHDRAW'] as const;
export type CookieConsentAction = (typeof COOKIE_CONSENT_ACTIONS)[number];
