import { Entity, Enum, Index, ManyToOne, Property, DateTimeType, type Rel } from '@mikro-orm/core';
import { COLLECTION_CHANNELS, DATA_CATEGORIES, type CollectionChannel, type DataCategory } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';
import type { CollectionRecord } from '../collection/collection-record.entity.js';
import { Provider } from './provider.entity.js';

/** One piece of personal information. The value is sealed with AES-256-GCM, bound to this row. */
@Entity()
@Index({ properties: ['provider', 'category'] })
export class PersonalDataItem extends BaseEntity<
  'version' | 'sourceSealed' | 'collection' | 'publiclyAvailable' | 'publicProvenance'
> {
  @ManyToOne(() => Provider, { deleteRule: 'cascade' })
  provider!: Rel<Provider>;

  @Enum({ items: () => [...DATA_CATEGORIES], type: 'string' })
  category!: DataCategory;

  /** Ciphertext; never leaves the server undecrypted, never logged. */
  @Property({ type: 'text', hidden: true, lazy: false })
  valueSealed!: string;

  /** Sealed (itemSourceSealContext): the collection's source, or the amendment it came from. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  sourceSealed: string | null = null;

  @Enum({ items: () => [...COLLECTION_CHANNELS], type: 'string' })
  channel!: CollectionChannel;

  @Property({ type: DateTimeType })
  collectedAt!: Date;

  @ManyToOne({ entity: 'CollectionRecord', nullable: true, deleteRule: 'set null' })
  collection: Rel<CollectionRecord> | null = null;

  /** Clause 3: information the provider already made public is listed but not managed. */
  @Property({ type: 'boolean' })
  publiclyAvailable: boolean = false;

  @Property({ type: 'string', length: 500, nullable: true })
  publicProvenance: string | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}

/** What an item's sealed source is bound to (AES-GCM associated data). */
export function itemSourceSealContext(itemId: string): string {
  return `personal-data-item:${itemId}:source`;
}

/** What the ciphertext of an item is bound to (AES-GCM associated data). */
export function itemSealContext(itemId: string, category: DataCategory): string {
  return `personal-data-item:${itemId}:${category}`;
}
