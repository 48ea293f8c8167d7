/**
 * The terms of the keyed name index (NAME and NAME_READING values) and of a search for it. Both sides
 * go through `normalizeForSearch`, so what is typed and what is stored meet in one form:
 *
 * - NFKC (full-width Latin → ASCII, half-width katakana → full-width, ｶﾞ → ガ), lower case, and
 *   hiragana folded to katakana (たなか → タナカ), so a reading typed in either kana finds the other.
 * - **CJK text** (kanji, kana, hangul) has no spaces between words, and people type names without
 *   them: its characters are joined in order across spaces and punctuation (山田 太郎 → 山田太郎)
 *   and indexed as character **bigrams** plus single characters (unigrams). A search term's CJK
 *   part becomes its bigrams, all of which must match (田中健 → 田中, 中健); a term of one CJK
 *   character becomes that unigram (健 finds every name containing 健).
 * - **Other text** (Latin, …) is split into whole words, as before (Yamada Taro → yamada, taro).
 *
 * Matching all bigrams is a filter, not a substring test: a name holding every bigram of the term in
 * another order or place also matches (田中 + 中健 in 田中 中健太). The index never holds a value.
 */

export type SearchTerms = {
  /** Whole words of the non-CJK text, de-duplicated in first-seen order. */
  readonly words: readonly string[];
  /** CJK bigrams (and, for an indexed value, unigrams), de-duplicated in first-seen order. */
  readonly grams: readonly string[];
};

/** At most this many terms of each kind are taken from a search term: enough for any real name. */
export const SEARCH_TERM_LIMITS = { words: 8, grams: 32 } as const;

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KATAKANA_OFFSET = 0x60;

/** One CJK character of a name: a kanji, kana or hangul letter (incl. ー and 々). */
const CJK_LETTER = /^[\p{L}\p{M}]$/u;
const CJK_SCRIPT = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;

function isCjk(ch: string): boolean {
  return CJK_LETTER.test(ch) && CJK_SCRIPT.test(ch);
}

/** NFKC, lower case, hiragana → katakana: the one form both the index and a search use. */
export function normalizeForSearch(value: string): string {
  const folded = value.normalize('NFKC').toLowerCase().normalize('NFKC');
  let out = '';
  for (const ch of folded) {
    const cp = ch.codePointAt(0)!;
    out += cp >= HIRAGANA_START && cp <= HIRAGANA_END ? String.fromCodePoint(cp + KATAKANA_OFFSET) : ch;
  }
  return out;
}

function split(value: string): { words: string[]; cjk: string[] } {
  const words: string[] = [];
  const cjk: string[] = [];
  for (const run of normalizeForSearch(value).match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    let word = '';
    for (const ch of run) {
      if (isCjk(ch)) {
        cjk.push(ch);
        if (word) words.push(word);
        word = '';
      } else {
        word += ch;
      }
    }
    if (word) words.push(word);
  }
  return { words: [...new Set(words)], cjk };
}

function bigrams(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** The terms a stored value is indexed under: its words, and its CJK unigrams and bigrams. */
export function nameIndexTerms(value: string): SearchTerms {
  const { words, cjk } = split(value);
  return { words, grams: [...new Set([...cjk, ...bigrams(cjk)])] };
}

/**
 * The terms a search must all match: its words, and its CJK bigrams (one CJK character: that
 * unigram), each kind capped at SEARCH_TERM_LIMITS.
 */
export function nameSearchTerms(term: string): SearchTerms {
  const { words, cjk } = split(term);
  const grams = cjk.length === 1 ? cjk : [...new Set(bigrams(cjk))];
  return { words: words.slice(0, SEARCH_TERM_LIMITS.words), grams: grams.slice(0, SEARCH_TERM_LIMITS.grams) };
}
