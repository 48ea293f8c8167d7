import { Entity, Index, Property } from '@mikro-orm/core';
import { ProviderOwned } from './provider-owned.entity.js';

export type SearchTokenKind = 'EMAIL' | 'NAME_WORD' | 'NAME_GRAM' | 'READING_WORD' | 'READING_GRAM';

/**
 * Keyed blind index over encrypted values: an exact e-mail address, the Latin words of a name
 * (NAME_WORD) and its CJK bigrams and kanji (NAME_GRAM), and the same of its reading under kinds of
 * its own (READING_WORD, READING_GRAM: bigrams only) can be found without storing or scanning plaintext. What it reveals: ARCHITECTURE.md, "The name index".
 */
@Entity()
@Index({ properties: ['hash', 'provider'] })
export class SearchToken extends ProviderOwned {
  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'string', length: 16 })
  kind!: SearchTokenKind;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
