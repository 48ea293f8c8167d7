import type { PolicyLanguage } from '../policy-change/diff-sections.js';

/** A text people read, kept in Japanese and English; an empty string means "not written in that language". */
export type BilingualText = { readonly ja: string; readonly en: string };

// Hiragana, katakana (with the half-width forms and the prolonged sound mark), CJK ideographs
// (with extension A and the compatibility block), and the Japanese punctuation 、。「」.
const JAPANESE =
  /[\u3001\u3002\u300C-\u300F\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F]/u;

/** Whether a text contains a Japanese character (kana, kanji or Japanese punctuation). */
export function containsJapanese(text: string): boolean {
  return JAPANESE.test(text);
}

/**
 * A text written before it had a field per language, placed in the language it is written in:
 * Japanese when it contains a Japanese character, English otherwise; the other language empty.
 */
export function bilingualFromLegacy(text: string): BilingualText {
  return containsJapanese(text) ? { ja: text, en: '' } : { ja: '', en: text };
}

/**
 * The text to show a reader of `language`: theirs when written, else the other language (and which
 * one it is, so a page can mark it with `lang`). Both empty: the asked language's empty text.
 */
export function textFor(text: BilingualText, language: PolicyLanguage): { text: string; language: PolicyLanguage } {
  if (text[language].trim() !== '') return { text: text[language], language };
  const other: PolicyLanguage = language === 'ja' ? 'en' : 'ja';
  if (text[other].trim() !== '') return { text: text[other], language: other };
  return { text: text[language], language };
}
