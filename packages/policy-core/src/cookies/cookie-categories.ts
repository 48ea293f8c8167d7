import { memberOf } from '../vocabulary/guard.js';
import { localized, type Localized } from '../messages/catalogue.js';

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

/** Each category's label and description, from the catalogue (`cookieCategory.…`, `cookieCategoryDescription.…`). */
function texts(): Readonly<Record<CookieCategory, Pick<CookieCategoryInfo, 'label' | 'description'>>> {
  return Object.fromEntries(
    COOKIE_CATEGORIES.map((c) => [
      c,
      { label: localized(`cookieCategory.${c}`), description: localized(`cookieCategoryDescription.${c}`) },
    ]),
  ) as Record<CookieCategory, Pick<CookieCategoryInfo, 'label' | 'description'>>;
}

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
export const COOKIE_CATEGORY_INFO: Readonly<Record<CookieCategory, CookieCategoryInfo>> = /* @__PURE__ */ withRules(
  /* @__PURE__ */ texts(),
);

/** On (true) or off (false) for every category. */
export type CookieChoice = Readonly<Record<CookieCategory, boolean>>;

/** Where a declared tracker keeps its data in the visitor's browser. */
export const COOKIE_STORAGE_KINDS = ['COOKIE', 'LOCAL_STORAGE', 'SESSION_STORAGE', 'INDEXED_DB', 'PIXEL'] as const;
export type CookieStorageKind = (typeof COOKIE_STORAGE_KINDS)[number];
export const isCookieStorageKind = /* @__PURE__ */ memberOf(COOKIE_STORAGE_KINDS);

/** What a visitor did with the banner: recorded a choice, or withdrew every optional category. */
export const COOKIE_CONSENT_ACTIONS = ['CHOOSE', 'WITHDRAW'] as const;
export type CookieConsentAction = (typeof COOKIE_CONSENT_ACTIONS)[number];
