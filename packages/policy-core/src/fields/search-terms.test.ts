import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_TERM_LIMITS, nameIndexTerms, nameSearchTerms, normalizeForSearch } from './search-terms.js';

/** Whether a search for `term` would find a value indexed as `value` (every term among the value's). */
function finds(term: string, value: string): boolean {
  const index = nameIndexTerms(value);
  const search = nameSearchTerms(term);
  if (!search.words.length && !search.grams.length) return false;
  return search.words.every((w) => index.words.includes(w)) && search.grams.every((g) => index.grams.includes(g));
}

describe('normalizeForSearch', () => {
  it('folds width, case and hiragana to katakana', () => {
    expect(normalizeForSearch('ＹＡＭＡＤＡ Taro')).toBe('yamada taro');
    expect(normalizeForSearch('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ タロウ');
    expect(normalizeForSearch('やまだ たろう')).toBe('ヤマダ タロウ');
    expect(normalizeForSearch('ゔぁ')).toBe('ヴァ');
    expect(normalizeForSearch('山田ー々')).toBe('山田ー々');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (s) => normalizeForSearch(normalizeForSearch(s)) === normalizeForSearch(s),
      ),
    );
  });
});

describe('nameIndexTerms', () => {
  it('indexes Latin text by word and CJK text by unigrams and bigrams joined across spaces', () => {
    expect(nameIndexTerms('Yamada  TARO')).toEqual({ words: ['yamada', 'taro'], grams: [] });
    expect(nameIndexTerms('田中 健')).toEqual({ words: [], grams: ['田', '中', '健', '田中', '中健'] });
    expect(nameIndexTerms('タナカ ケン').grams).toEqual(
      expect.arrayContaining(['タナ', 'ナカ', 'カケ', 'ケン', 'タ', 'ナ', 'カ', 'ケ', 'ン']),
    );
    expect(nameIndexTerms("O'Brien-Smith, Jean")).toEqual({ words: ['o', 'brien', 'smith', 'jean'], grams: [] });
  });

  it('splits mixed runs by script and de-duplicates', () => {
    expect(nameIndexTerms('Ken田中 ken')).toEqual({ words: ['ken'], grams: ['田', '中', '田中'] });
    expect(nameIndexTerms('ナナ').grams).toEqual(['ナ', 'ナナ']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(nameIndexTerms(' -,.・、 ')).toEqual({ words: [], grams: [] });
  });
});

describe('nameSearchTerms', () => {
  it('asks for every bigram of a CJK term, or the one character of a single-character term', () => {
    expect(nameSearchTerms('田中健').grams).toEqual(['田中', '中健']);
    expect(nameSearchTerms('健').grams).toEqual(['健']);
    expect(nameSearchTerms('たなか').grams).toEqual(['タナ', 'ナカ']);
  });

  it('caps the terms it takes', () => {
    expect(nameSearchTerms('a b c d e f g h i j').words).toHaveLength(SEARCH_TERM_LIMITS.words);
    expect(
      nameSearchTerms('あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもや').grams,
    ).toHaveLength(SEARCH_TERM_LIMITS.grams);
  });
});

describe('what a search finds', () => {
  it.each([
    ['田中健', '田中 健'],
    ['田中 健', '田中健'],
    ['中健', '田中 健'],
    ['健', '田中 健'],
    ['田中', '田中 健'],
    ['たなかけん', 'タナカ ケン'],
    ['ﾀﾅｶｹﾝ', 'タナカ ケン'],
    ['タナカ', 'たなか けん'],
    ['taro', 'Yamada Taro'],
    ['ＹＡＭＡＤＡ', 'Yamada Taro'],
  ])('%s finds %s', (term, value) => expect(finds(term, value)).toBe(true));

  it.each([
    ['田中健', '田中 花子'],
    ['中健', '中村 健'],
    ['健', '田中 花子'],
    ['tar', 'Yamada Taro'],
    ['タナカケン', 'タナカ ハナコ'],
    ['-', 'Yamada Taro'],
  ])('%s does not find %s', (term, value) => expect(finds(term, value)).toBe(false));

  it('finds every value by its own text and by any CJK part of it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'田中健たなかタナカｹﾝ yamada'), minLength: 1 }), (value) => {
        const cjk = [...normalizeForSearch(value)].filter((c) => c !== ' ' && !/[a-z]/.test(c)).join('');
        if (!nameSearchTerms(value).words.length && !nameSearchTerms(value).grams.length) return true;
        return finds(value, value) && (cjk.length < 2 || finds(cjk.slice(1), value));
      }),
    );
  });
});
