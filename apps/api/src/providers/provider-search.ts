import { normalizeEmail, normalizeForSearch, validateField } from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { SearchTokenKind } from './search-token.entity.js';

/** The blind-index tokens under which an item's value can be found. */
export function tokensForValue(
  cipher: FieldCipher,
  category: string,
  value: string,
): { kind: SearchTokenKind; hash: string }[] {
  if (category === 'EMAIL') return [{ kind: 'EMAIL', hash: cipher.blindIndex('EMAIL', normalizeEmail(value)) }];
  if (category === 'NAME') {
    return [...new Set(normalizeForSearch(value))].map((word) => ({
      kind: 'NAME_WORD' as const,
      hash: cipher.blindIndex('NAME_WORD', word),
    }));
  }
  return [];
}

/** A search term becomes the tokens it must match: an e-mail address, or every word of a name. */
export function tokensForSearch(cipher: FieldCipher, term: string): { kind: SearchTokenKind; hashes: string[] } | null {
  if (term.includes('@') && !validateField('EMAIL', term)) {
    return { kind: 'EMAIL', hashes: [cipher.blindIndex('EMAIL', normalizeEmail(term))] };
  }
  const words = [...new Set(normalizeForSearch(term))].slice(0, 8);
  if (!words.length) return null;
  return { kind: 'NAME_WORD', hashes: words.map((w) => cipher.blindIndex('NAME_WORD', w)) };
}
