import {
  nameIndexTerms,
  nameSearchTerms,
  normalizeEmail,
  readingIndexTerms,
  validateField,
  type SearchTerms,
} from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { SearchTokenKind } from './search-token.entity.js';

/** The categories whose values are found by name search: the name and its reading (フリガナ). */
export const NAME_INDEXED_CATEGORIES = ['NAME', 'NAME_READING'] as const;
/** The token kinds of the name index (rebuilt together by `rebuildNameIndex`). */
export const NAME_TOKEN_KINDS = [
  'NAME_WORD',
  'NAME_GRAM',
  'READING_WORD',
  'READING_GRAM',
] as const satisfies readonly SearchTokenKind[];

/**
 * A name's terms under the NAME_* kinds, a reading's under READING_*: the kind is inside each
 * token's HMAC input, so equal kana in a name and in a reading are unequal tokens and cannot be
 * linked across the two.
 */
const KINDS = {
  name: { word: 'NAME_WORD', gram: 'NAME_GRAM' },
  reading: { word: 'READING_WORD', gram: 'READING_GRAM' },
} as const satisfies Record<string, { word: SearchTokenKind; gram: SearchTokenKind }>;

function termTokens(
  cipher: FieldCipher,
  terms: SearchTerms,
  kinds: (typeof KINDS)[keyof typeof KINDS],
): { kind: SearchTokenKind; hash: string }[] {
  return [
    ...terms.words.map((word) => ({ kind: kinds.word, hash: cipher.blindIndex(kinds.word, word) })),
    ...terms.grams.map((gram) => ({ kind: kinds.gram, hash: cipher.blindIndex(kinds.gram, gram) })),
  ];
}

/**
 * The blind-index tokens under which an item's value can be found: an e-mail address whole; a name
 * by its Latin words, CJK bigrams and kanji unigrams (policy-core's nameIndexTerms); a reading by
 * its words and bigrams (readingIndexTerms).
 */
export function tokensForValue(
  cipher: FieldCipher,
  category: string,
  value: string,
): { kind: SearchTokenKind; hash: string }[] {
  if (category === 'EMAIL') return [{ kind: 'EMAIL', hash: cipher.blindIndex('EMAIL', normalizeEmail(value)) }];
  if (category === 'NAME') return termTokens(cipher, nameIndexTerms(value), KINDS.name);
  if (category === 'NAME_READING') return termTokens(cipher, readingIndexTerms(value), KINDS.reading);
  return [];
}

/**
 * A search term becomes the sets of tokens a provider must hold all of one of: an e-mail address;
 * or every word and CJK term (nameSearchTerms) of a name — or, as a second set, of a reading.
 */
export function tokensForSearch(cipher: FieldCipher, term: string): { sets: string[][] } | null {
  if (term.includes('@') && !validateField('EMAIL', term)) {
    return { sets: [[cipher.blindIndex('EMAIL', normalizeEmail(term))]] };
  }
  const terms = nameSearchTerms(term);
  if (!terms.words.length && !terms.grams.length) return null;
  return {
    sets: [KINDS.name, KINDS.reading].map((kinds) => termTokens(cipher, terms, kinds).map((t) => t.hash)),
  };
}
