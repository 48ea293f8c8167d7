import type { Language } from '@steward/schema';
import type { UiLanguage } from '../../i18n/i18n.js';

/** The API's `Language` (JA, EN) as the admin's catalogue language (ja, en). */
export function toUiLanguage(language: Language): UiLanguage {
  return language === 'JA' ? 'ja' : 'en';
}

/** The admin's catalogue language as the API's `Language`. */
export function toApiLanguage(language: UiLanguage): Language {
  return language === 'ja' ? 'JA' : 'EN';
}
