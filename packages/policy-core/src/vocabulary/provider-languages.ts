import { memberOf } from './guard.js';
import { labelsOf, type Localized } from '../messages/catalogue.js';

/** The languages Steward writes to a provider in: every document and message to them. */
export const PROVIDER_LANGUAGES = ['ja', 'en'] as const;
export type ProviderLanguage = (typeof PROVIDER_LANGUAGES)[number];
export const isProviderLanguage = memberOf(PROVIDER_LANGUAGES);

export const PROVIDER_LANGUAGE_LABELS: Readonly<Record<ProviderLanguage, Localized>> = /* @__PURE__ */ labelsOf(
  'language',
  PROVIDER_LANGUAGES,
);

/**
 * The language a new provider gets when the collection names none: the organisation's default
 * language when it has one, else Japanese (the reference customer's members are mostly Japanese).
 * The one place this default is decided; the API passes the organisation's setting once it exists.
 */
export function defaultProviderLanguage(organisationDefault?: ProviderLanguage | null): ProviderLanguage {
  return organisationDefault ?? 'ja';
}
