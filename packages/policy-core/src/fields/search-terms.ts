/**
 * The terms of the keyed name index (NAME and NAME_READING values) and of a search for it. Both sides
 * go through `normalizeForSearch`, so what is typed and what is stored meet in one form:
 *
 * - NFKC (full-width Latin → ASCII, half-width katakana → full-width, ｶﾞ → ガ), lower case,
 *   hiragana folded to katakana (たなか → タナカ), so a reading typed in either kana finds the other,
 *   and a few variant kanji of names folded to their common form (髙 → 高, 﨑 → 崎, 齋/齊 → 斎,
 *   邊/邉 → 辺, 濵 → 浜: `NAME_VARIANT_KANJI`).
 * - **CJK text** (kanji, kana, hangul) has no spaces between words, and people type names without
 *   them: a value's characters are joined in order across spaces and punctuation (山田 太郎 → 山田太郎)
 *   and indexed as character **bigrams**. Single characters (unigrams) are indexed only where a
 *   search needs them and the alphabet is large: every kanji (or hangul) of a name (`nameIndexTerms`,
 *   so 健 finds every name containing 健), and a character standing alone between spaces (ア in
 *   「ア ヤコ」). A reading (`readingIndexTerms`), all kana, gets no other unigram: kana's small
 *   alphabet would let whoever holds the database read its unigram tokens by their frequency.
 * - A search term's CJK part becomes the bigrams **within each space-separated part**, all of which
 *   must match (田中健 → 田中, 中健; 健 田中 → 健, 田中), a one-character part that unigram.
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

/**
 * Variant kanji common in family names, folded to the form most people type (both sides of the
 * index): 髙橋 finds 高橋, 山﨑 finds 山崎. Not a full itaiji table: a handful of frequent ones.
 */
export const NAME_VARIANT_KANJI: Readonly<Record<string, string>> = {
  髙: '高',
  '\uFA11': '崎', // 﨑 (a CJK compatibility ideograph that NFKC keeps)
  齋: '斎',
  齊: '斎',
  邊: '辺',
  邉: '辺',
  濵: '浜',
};

/** NFKC, lower case, hiragana → katakana, variant kanji → common form: the one form both the index and a search use. */
export function normalizeForSearch(value: string): string {
  const folded = value.normalize('NFKC').toLowerCase().normalize('NFKC');
  let out = '';
  for (const ch of folded) {
    const cp = ch.codePointAt(0)!;
    out +=
      cp >= HIRAGANA_START && cp <= HIRAGANA_END
        ? String.fromCodePoint(cp + KATAKANA_OFFSET)
        : (NAME_VARIANT_KANJI[ch] ?? ch);
  }
  return out;
}

const KANA = /[\p{scx=Hiragana}\p{scx=Katakana}]/u;

/** A value's Latin words and its CJK parts: the CJK characters of each space- or punctuation-separated run. */
function split(value: string): { words: string[]; parts: string[][] } {
  const words: string[] = [];
  const parts: string[][] = [];
  for (const run of normalizeForSearch(value).match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    let word = '';
    let part: string[] = [];
    for (const ch of run) {
      if (isCjk(ch)) {
        part.push(ch);
        if (word) words.push(word);
        word = '';
      } else {
        word += ch;
        if (part.length) parts.push(part);
        part = [];
      }
    }
    if (word) words.push(word);
    if (part.length) parts.push(part);
  }
  return { words: [...new Set(words)], parts };
}

function bigrams(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** A value's terms: its words, the bigrams of its CJK characters joined across parts, and the unigrams `unigram` keeps. */
function indexTerms(value: string, unigram: (ch: string) => boolean): SearchTerms {
  const { words, parts } = split(value);
  const joined = parts.flat();
  const alone = new Set(parts.filter((p) => p.length === 1).map((p) => p[0]!));
  const unigrams = joined.filter((ch) => alone.has(ch) || unigram(ch));
  return { words, grams: [...new Set([...unigrams, ...bigrams(joined)])] };
}

/**
 * The terms a name (NAME) is indexed under: its words, its CJK bigrams, the unigram of every
 * non-kana CJK character (kanji, hangul) and of any character standing alone.
 */
export function nameIndexTerms(value: string): SearchTerms {
  return indexTerms(value, (ch) => !KANA.test(ch));
}

/**
 * The terms a reading (NAME_READING, フリガナ) is indexed under: its words, its CJK bigrams and the
 * unigram only of a character standing alone (never of every kana: see the module comment).
 */
export function readingIndexTerms(value: string): SearchTerms {
  return indexTerms(value, () => false);
}

/**
 * The terms a search must all match: its words, and the CJK bigrams of each of its parts (a
 * one-character part: that unigram), each kind capped at SEARCH_TERM_LIMITS.
 */
export function nameSearchTerms(term: string): SearchTerms {
  const { words, parts } = split(term);
  const grams = [...new Set(parts.flatMap((p) => (p.length === 1 ? p : bigrams(p))))];
  return { words: words.slice(0, SEARCH_TERM_LIMITS.words), grams: grams.slice(0, SEARCH_TERM_LIMITS.grams) };
}
