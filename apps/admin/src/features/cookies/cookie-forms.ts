import { normalizeOrigin, type CookieCategory, type CookieStorageKind } from '@steward/policy-core';
import type {
  CookieDeclarationFieldsFragment,
  CookieDeclarationInput,
  CookieSiteFieldsFragment,
  CookieSiteInput,
} from '@steward/schema';
import type { TFunction } from 'i18next';
import { vocabularyLabels } from '../../components/labels.js';

/** The banner's stable path on the Steward server. */
export const BANNER_PATH = '/cookie-banner/v1/banner.js';

/** What a site editor pastes into every page of the site. */
export function bannerSnippet(stewardOrigin: string, siteKey: string, locale: 'ja' | 'en' = 'ja'): string {
  return [
    `<script src="${stewardOrigin}${BANNER_PATH}" data-site="${siteKey}" data-locale="${locale}" defer></script>`,
    '<!-- Scripts that set optional cookies wait for consent: -->',
    '<script type="text/plain" data-cookie-category="analytics">/* … */</script>',
    '<!-- A link to change or withdraw the choice: -->',
    `<a href="#" data-cookie-settings>${locale === 'ja' ? 'クッキー設定' : 'Cookie settings'}</a>`,
  ].join('\n');
}

/** One entry per line, blank lines dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export type SiteForm = {
  name: string;
  domains: string;
  allowedOrigins: string;
  consentLifetimeDays: string;
  honoursGpc: boolean;
  titleEn: string;
  titleJa: string;
  textEn: string;
  textJa: string;
};

export const EMPTY_SITE: SiteForm = {
  name: '',
  domains: '',
  allowedOrigins: '',
  consentLifetimeDays: '180',
  honoursGpc: true,
  titleEn: 'Cookies on this website',
  titleJa: 'クッキーについて',
  textEn:
    'We use cookies for convenience. You may refuse any cookie that is not strictly necessary, and change your choice at any time.',
  textJa:
    '利便性の向上のためにクッキーを使用します。必須のもの以外はお断りいただくことができ、選択はいつでも変更できます。',
};

export function siteToForm(s: CookieSiteFieldsFragment): SiteForm {
  return {
    name: s.name,
    domains: s.domains.join('\n'),
    allowedOrigins: s.allowedOrigins.join('\n'),
    consentLifetimeDays: String(s.consentLifetimeDays),
    honoursGpc: s.honoursGpc,
    titleEn: s.bannerTitle.en,
    titleJa: s.bannerTitle.ja,
    textEn: s.bannerText.en,
    textJa: s.bannerText.ja,
  };
}

/** The form as the API's input; origins in their canonical form where they are origins at all. */
export function formToSiteInput(f: SiteForm): CookieSiteInput {
  return {
    name: f.name.trim(),
    domains: lines(f.domains).map((d) => d.toLowerCase()),
    allowedOrigins: lines(f.allowedOrigins).map((o) => normalizeOrigin(o.replace(/\/$/, '')) ?? o),
    consentLifetimeDays: Number.parseInt(f.consentLifetimeDays, 10),
    honoursGpc: f.honoursGpc,
    bannerTitle: { en: f.titleEn, ja: f.titleJa },
    bannerText: { en: f.textEn, ja: f.textJa },
  };
}

/** A cookie category's label in the language on screen (policy-core's catalogue). */
export function categoryLabel(c: CookieCategory): string {
  return COOKIE_CATEGORY_LABEL[c];
}

const COOKIE_CATEGORY_LABEL: Readonly<Record<CookieCategory, string>> = vocabularyLabels('cookieCategory');

export const STORAGE_LABEL: Readonly<Record<CookieStorageKind, string>> = vocabularyLabels('cookieStorageKind');

/** "Session", "Less than a day", "2 years", "30 days" (`t` of any namespace: the keys name `cookies`). */
export function formatDuration(t: TFunction, days: number | null): string {
  if (days === null) return t('cookies:duration.session');
  if (days === 0) return t('cookies:duration.lessThanDay');
  if (days % 365 === 0) return t('cookies:duration.years', { count: days / 365 });
  return t('cookies:duration.days', { count: days });
}

/** A declaration as its form edits it (the duration as typed: empty for a session cookie). */
export type DeclarationForm = {
  name: string;
  domain: string;
  category: CookieCategory;
  vendor: string;
  purposeEn: string;
  purposeJa: string;
  durationDays: string | number;
  storageKind: CookieStorageKind;
};

export const EMPTY_DECLARATION: DeclarationForm = {
  name: '',
  domain: '',
  category: 'ANALYTICS',
  vendor: '',
  purposeEn: '',
  purposeJa: '',
  durationDays: '',
  storageKind: 'COOKIE',
};

export function declarationToForm(d: CookieDeclarationFieldsFragment): DeclarationForm {
  return {
    name: d.name,
    domain: d.domain,
    category: d.category,
    vendor: d.vendor,
    purposeEn: d.purpose.en,
    purposeJa: d.purpose.ja,
    durationDays: d.durationDays ?? '',
    storageKind: d.storageKind,
  };
}

export function formToDeclarationInput(siteId: string, f: DeclarationForm): CookieDeclarationInput {
  return {
    siteId,
    name: f.name,
    domain: f.domain,
    category: f.category,
    vendor: f.vendor,
    purpose: { en: f.purposeEn, ja: f.purposeJa },
    durationDays: f.durationDays === '' ? null : Number(f.durationDays),
    storageKind: f.storageKind,
  };
}

/** A bilingual text in one language: the other one where this one is empty. */
export function inLanguage(
  text: { en: string; ja: string },
  language: 'en' | 'ja',
): { text: string; lang: 'en' | 'ja' } {
  const other = language === 'ja' ? 'en' : 'ja';
  return text[language].trim() ? { text: text[language], lang: language } : { text: text[other], lang: other };
}
