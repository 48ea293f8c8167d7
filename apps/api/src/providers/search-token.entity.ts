import { Entity, Index, Property } from '@mikro-orm/core';
import { ProviderOwned } from './provider-owned.entity.js';

export type SearchTokenKind = 'EMAIL' | 'NAME_WORD';

/**
 * Keyed blind index over encrypted values: exact e-mail and whole name words can be found
 * without storing or scanning plaintext.
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
