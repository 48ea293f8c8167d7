import { OptionalProps, Entity, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { newId } from '../common/ids.js';
import { Provider } from './provider.entity.js';

export type SearchTokenKind = 'EMAIL' | 'NAME_WORD';

/**
 * Keyed blind index over encrypted values: exact e-mail and whole name words can be found
 * without storing or scanning plaintext.
 */
@Entity()
@Index({ properties: ['hash', 'provider'] })
export class SearchToken {
  [OptionalProps]?: 'id';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Provider, { deleteRule: 'cascade' })
  provider!: Rel<Provider>;

  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'string', length: 16 })
  kind!: SearchTokenKind;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
