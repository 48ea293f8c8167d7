import { memberOf } from '../vocabulary/guard.js';
import { en } from './en.js';
import { formatPlain, type MessageParams } from './format.js';
import { ja } from './ja.js';

/** The languages of the catalogue, the reference customer's first. */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = /* @__PURE__ */ memberOf(LANGUAGES);

/** Every key of the catalogue (`issue.…`, `reason.…`, `<namespace>.<VALUE>`). */
export type MessageKey = keyof typeof en;

/** The catalogue: ICU MessageFormat strings per language and key. */
export const messages: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, ja };

/** A label or text in both languages the reference customer publishes its policy in. */
export type Localized = { readonly en: string; readonly ja: string };

/** One catalogue entry in both languages (the shape of the older `*_LABELS` exports). */
export function localized(key: MessageKey): Localized {
  return { en: en[key], ja: ja[key] };
}

/**
 * The labels of one vocabulary, `<namespace>.<VALUE>` for each value, in both languages. A value
 * without a catalogue key does not compile.
 */
export function labelsOf<N extends string, T extends string>(
  namespace: N,
  values: readonly T[] & ([`${N}.${T}`] extends [MessageKey] ? unknown : never),
): Readonly<Record<T, Localized>> {
  return Object.fromEntries(values.map((v) => [v, localized(`${namespace}.${v}` as MessageKey)])) as Record<
    T,
    Localized
  >;
}

/**
 * Arguments of reasons and issues that hold a vocabulary value, and the namespace of its label:
 * `{ category: 'NAME' }` reads "Name" / "氏名". Other arguments are shown as they are (names,
 * numbers) or only choose a `select` case (codes such as `action`, `status`).
 */
export const MESSAGE_PARAM_LABELS = { category: 'dataCategory' } as const;

/** The params with each vocabulary value (MESSAGE_PARAM_LABELS) replaced by its label in `language`. */
export function localizeParams(params: MessageParams, language: Language): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [name, namespace] of Object.entries(MESSAGE_PARAM_LABELS)) {
    const value = params[name];
    if (value === undefined) continue;
    const key = `${namespace}.${value}`;
    if (key in messages[language]) out[name] = messages[language][key as MessageKey];
  }
  return out;
}

/**
 * A reason's or an issue's message in `language`, with policy-core's own small formatter
 * (`formatPlain`: plain arguments and select). It is how reasons get their English `message`; an
 * application with intl-messageformat formats `messages[language][key]` with
 * `localizeParams(params, language)` and gets the same text.
 */
export function messageText(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return formatPlain(messages[language][key], localizeParams(params, language));
}
