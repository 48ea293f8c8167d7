import type { UiLanguage } from '../../i18n/i18n.js';

/** A purpose's title (or a data category's label) in the language shown, and in the other one. */
export function inLanguage(language: UiLanguage, en: string, ja: string): { shown: string; other: string } {
  return language === 'ja' ? { shown: ja, other: en } : { shown: en, other: ja };
}

/** A purpose's title in the language shown. */
export function purposeTitle(purpose: { titleEn: string; titleJa: string }, language: UiLanguage): string {
  return inLanguage(language, purpose.titleEn, purpose.titleJa).shown;
}
