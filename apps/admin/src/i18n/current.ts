import type { i18n as I18n, TFunction } from 'i18next';
import { createI18n, type UiLanguage } from './i18n.js';

// The language on screen and its i18next instance, set by LocaleProvider on every render (as
// components/format.ts's locale is), so plain functions — the enum label maps of components/labels.ts,
// the error helpers of components/errors.ts — speak it without a hook. A switch re-renders the whole
// subtree (LocaleProvider keys it on the language), so every such call runs again in the new language.

let instance: I18n | null = null;
let language: UiLanguage = 'en';

export function setCurrentLocale(i18n: I18n, next: UiLanguage): void {
  instance = i18n;
  language = next;
}

/** The language on screen ('en' outside a LocaleProvider, e.g. in a pure unit test). */
export function currentLanguage(): UiLanguage {
  return language;
}

/** The i18next instance on screen (a fresh English one outside a LocaleProvider). */
export function currentI18n(): I18n {
  instance ??= createI18n(language);
  return instance;
}

/** A `t` of `namespace` in the language on screen. */
export function currentT(namespace: string): TFunction {
  return currentI18n().getFixedT(language, namespace);
}
