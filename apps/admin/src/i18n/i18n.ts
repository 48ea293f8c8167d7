import { messages } from '@steward/policy-core';
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

/**
 * policy-core's catalogue (`issue.…`, `reason.…`, `<vocabulary>.<VALUE>`) as the namespace `core`:
 * every enum label, issue and reason the admin shows comes from it. Its flat dotted keys become
 * i18next's nested tree (`dataCategory.NAME` → `{ dataCategory: { NAME } }`), so `t('core:dataCategory.NAME')`
 * reads them with the default key separator.
 */
export const CORE_NAMESPACE = 'core';

export function nestCatalogue(flat: Readonly<Record<string, string>>): Catalogue {
  const tree: Catalogue = {};
  for (const [key, text] of Object.entries(flat)) {
    const path = key.split('.');
    let node = tree;
    for (const part of path.slice(0, -1)) {
      const next = node[part] ?? {};
      if (typeof next !== 'object') throw new Error(`Catalogue key ${key} is under a message`);
      node = node[part] = next as Catalogue;
    }
    const leaf = path[path.length - 1]!;
    if (leaf in node) throw new Error(`Catalogue key ${key} is both a message and a group`);
    node[leaf] = text;
  }
  return tree;
}

for (const language of UI_LANGUAGES) {
  if (catalogues[language][CORE_NAMESPACE])
    throw new Error(`locales/${language}/core.json would hide policy-core's catalogue`);
  catalogues[language][CORE_NAMESPACE] = nestCatalogue(messages[language]);
}

export const NAMESPACES = Object.keys(catalogues.en);

type MissingKey = (language: string, namespace: string, key: string) => void;
let onMissingKey: MissingKey | null = null;

/**
 * Tests only (src/test/setup.ts): called for every key a screen asks for that its catalogue lacks, so a
 * test fails on it rather than showing the key. The app shows the key and reports nothing.
 */
export function reportMissingKeys(handler: MissingKey | null): void {
  onMissingKey = handler;
}

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
      ...(onMissingKey ? missingKeyOptions(onMissingKey) : {}),
    });
  return instance;
}

function missingKeyOptions(report: MissingKey) {
  return {
    saveMissing: true,
    saveMissingTo: 'current' as const,
    missingKeyHandler: (
      languages: readonly string[],
      namespace: string,
      key: string,
      _fallback: string,
      _update: boolean,
      options: { defaultValue?: unknown } | undefined,
    ) => {
      // A call that gives its own fallback (`defaultValue`: an audit action this admin does not know
      // yet) asks on purpose.
      if (options?.defaultValue !== undefined) return;
      for (const language of languages) report(language, namespace, key);
    },
  };
}
