import { localizeParams, type MessageParams } from '@steward/policy-core';
import IntlMessageFormat from 'intl-messageformat';
import { currentI18n, currentLanguage } from './current.js';
import { CORE_NAMESPACE } from './i18n.js';

/**
 * A message of policy-core's catalogue (the i18next namespace `core`: `issue.REQUIRED`,
 * `reason.CONSENT_GRANTED`) in the language on screen, its vocabulary arguments (a `category`)
 * replaced by their labels; null when the catalogue has no such key or `params` lack an argument
 * the message needs — the caller then shows the server's own text. (i18next-icu would print the
 * raw ICU source instead of failing, so the message is formatted here.)
 */
export function coreMessage(key: string, params: MessageParams = {}): string | null {
  const language = currentLanguage();
  const message = currentI18n().getResource(language, CORE_NAMESPACE, key) as unknown;
  if (typeof message !== 'string') return null;
  try {
    const text = new IntlMessageFormat(message, language).format(localizeParams(params, language));
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}
