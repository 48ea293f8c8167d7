import { localizeParams, messages, type Language, type MessageKey, type MessageParams } from '@steward/policy-core';
import { IntlMessageFormat } from 'intl-messageformat';

// Compiled once per language and key: parsing an ICU message costs far more than formatting it.
const compiled = new Map<string, IntlMessageFormat>();

/**
 * A message of policy-core's catalogue (`messages[language][key]`) formatted with intl-messageformat
 * in `language`, its vocabulary params (a data category) replaced by their labels in that language
 * first (`localizeParams`). Names in `params` (a purpose's title, a recipient's name) are shown as
 * given: pass them in `language` where the data has them in both. The one formatter for reasons,
 * documents and public pages.
 */
export function formatMessage(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const id = `${language}:${key}`;
  let format = compiled.get(id);
  if (format === undefined) {
    format = new IntlMessageFormat(messages[language][key], language);
    compiled.set(id, format);
  }
  return String(format.format(localizeParams(params, language)));
}
