import { Entity, Index, Property } from '@mikro-orm/core';
import { ProviderOwned } from './provider-owned.entity.js';

export type SearchTokenKind = 'EMAIL' | 'NAME_WORD' | 'NAME_GRAM';

/**
 * Keyed blind index over encrypted values: an exact e-mail address, the Latin words of a name or its
 * reading (NAME_WORD) and the CJK characters and character bigrams of either (NAME_GRAM) can be
 * found without storing or scanning plaintext. What it reveals: ARCHITECTURE.md, "The name index".
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
