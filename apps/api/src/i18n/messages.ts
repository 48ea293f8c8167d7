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
  return formatIcu(language, `policy-core:${key}`, messages[language][key], localizeParams(params, language));
}

/**
 * An ICU message of any of the API's catalogues (policy-core's, the public pages' in
 * public-site/locales) formatted in `language`; `id` names it in the cache (catalogue and key).
 */
export function formatIcu(
  language: Language,
  id: string,
  source: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const cacheKey = `${language}:${id}`;
  let format = compiled.get(cacheKey);
  if (format === undefined) {
    format = new IntlMessageFormat(source, language);
    compiled.set(cacheKey, format);
  }
  return String(format.format(params));
}
