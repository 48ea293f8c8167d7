import { memberOf } from '../vocabulary/guard.js';
import type { Localized } from '../vocabulary/localized.js';

/** Cookie categories (policy clause 6). Only STRICTLY_NECESSARY is required. */
export const COOKIE_CATEGORIES = ['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING'] as const;
export type CookieCategory = (typeof COOKIE_CATEGORIES)[number];
export const isCookieCategory = memberOf(COOKIE_CATEGORIES);

export type CookieCategoryInfo = {
  readonly label: Localized;
  /** A required category is always on and cannot be refused. */
  readonly required: boolean;
  /** Turned off by a Global Privacy Control signal where the site honours it. */
  readonly gpcOptOut: boolean;
};

export const COOKIE_CATEGORY_INFO: Readonly<Record<CookieCategory, CookieCategoryInfo>> = {
  STRICTLY_NECESSARY: { label: { en: 'Strictly necessary', ja: '必須' }, required: true, gpcOptOut: false },
  FUNCTIONAL: { label: { en: 'Functional', ja: '機能' }, required: false, gpcOptOut: false },
  ANALYTICS: { label: { en: 'Analytics', ja: '分析' }, required: false, gpcOptOut: true },
  MARKETING: { label: { en: 'Marketing', ja: 'マーケティング' }, required: false, gpcOptOut: true },
};

/** On (true) or off (false) for every category. */
export type CookieChoice = Readonly<Record<CookieCategory, boolean>>;
