import { nameIndexTerms, nameSearchTerms, normalizeEmail, validateField, type SearchTerms } from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { SearchTokenKind } from './search-token.entity.js';

/** The categories whose values are found by name search: the name and its reading (フリガナ). */
export const NAME_INDEXED_CATEGORIES = ['NAME', 'NAME_READING'] as const;
/** The token kinds of the name index (rebuilt together by `rebuildNameIndex`). */
export const NAME_TOKEN_KINDS = ['NAME_WORD', 'NAME_GRAM'] as const satisfies readonly SearchTokenKind[];

function nameTokens(cipher: FieldCipher, terms: SearchTerms): { kind: SearchTokenKind; hash: string }[] {
  return [
    ...terms.words.map((word) => ({ kind: 'NAME_WORD' as const, hash: cipher.blindIndex('NAME_WORD', word) })),
    ...terms.grams.map((gram) => ({ kind: 'NAME_GRAM' as const, hash: cipher.blindIndex('NAME_GRAM', gram) })),
  ];
}

/**
 * The blind-index tokens under which an item's value can be found: an e-mail address whole; a name
 * or its reading by its Latin words and its CJK unigrams and bigrams (policy-core's nameIndexTerms).
 */
export function tokensForValue(
  cipher: FieldCipher,
  category: string,
  value: string,
): { kind: SearchTokenKind; hash: string }[] {
  if (category === 'EMAIL') return [{ kind: 'EMAIL', hash: cipher.blindIndex('EMAIL', normalizeEmail(value)) }];
  if ((NAME_INDEXED_CATEGORIES as readonly string[]).includes(category)) {
    return nameTokens(cipher, nameIndexTerms(value));
  }
  return [];
}

/**
 * A search term becomes the tokens a provider must all hold: an e-mail address, or every word and
 * every CJK bigram (a single CJK character: that character) of a name or reading.
 */
export function tokensForSearch(cipher: FieldCipher, term: string): { hashes: string[] } | null {
  if (term.includes('@') && !validateField('EMAIL', term)) {
    return { hashes: [cipher.blindIndex('EMAIL', normalizeEmail(term))] };
  }
  const tokens = nameTokens(cipher, nameSearchTerms(term));
  return tokens.length ? { hashes: tokens.map((t) => t.hash) } : null;
}
