import i18next, { type i18n as I18n, type Resource } from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';

/** The languages the admin speaks; the first is the demo organisation's default. */
export const UI_LANGUAGES = ['ja', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

type Catalogue = Record<string, unknown>;

// One catalogue per language: every `locales/<language>/<namespace>.json` (one namespace per feature).
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

/** `{ en: { common: {...}, providers: {...} }, ja: {...} }`, read from the JSON files at build time. */
export const catalogues: Record<UiLanguage, Record<string, Catalogue>> = { ja: {}, en: {} };
for (const [path, catalogue] of Object.entries(files)) {
  const match = /\.\/locales\/([a-z]+)\/([\w-]+)\.json$/.exec(path);
  if (!match || !isUiLanguage(match[1])) throw new Error(`Unexpected catalogue file ${path}`);
  catalogues[match[1]][match[2]!] = catalogue;
}

export const NAMESPACES = Object.keys(catalogues.en);

/**
 * A fresh i18next instance (one per app, and one per test render, so tests never share a language).
 * Messages are ICU MessageFormat (i18next-icu): `{count, plural, one {# entry} other {# entries}}`.
 * Initialised synchronously: the resources are bundled, so the first render already has its words.
 */
export function createI18n(language: UiLanguage): I18n {
  const instance = i18next.createInstance();
  void instance
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      supportedLngs: [...UI_LANGUAGES],
      resources: catalogues as Resource,
      ns: NAMESPACES,
      defaultNS: 'common',
      initAsync: false,
      // React escapes what it renders; ICU's own escaping would double it.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return instance;
}
