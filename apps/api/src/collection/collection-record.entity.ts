import { Entity, Enum, Index, ManyToOne, Property, Unique, DateTimeType, type Rel } from '@mikro-orm/core';
import {
  COLLECTION_CHANNELS,
  CONSENT_METHODS,
  type CollectionChannel,
  type ConsentMethod,
  type DataCategory,
} from '@steward/policy-core';
import type { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { Provider } from '../providers/provider.entity.js';

export interface SpecifiedPurpose {
  purposeKey: string;
  granted: boolean;
}

/** One act of collecting personal information (clause 1), with the receipt given to the provider. */
@Entity({ tableName: 'collection_record' })
@Index({ properties: ['provider', 'collectedAt'] })
export class CollectionRecord extends BaseEntity<'sourceSealed' | 'noteSealed' | 'recordedBy'> {
  @ManyToOne(() => Provider, { deleteRule: 'cascade' })
  provider!: Rel<Provider>;

  @Enum({ items: () => [...COLLECTION_CHANNELS], type: 'string' })
  channel!: CollectionChannel;

  @Enum({ items: () => [...CONSENT_METHODS], type: 'string' })
  consentMethod!: ConsentMethod;

  @Property({ type: DateTimeType })
  collectedAt!: Date;

  @Property({ type: 'integer' })
  policyVersion!: number;

  @Property({ type: 'json' })
  purposes!: SpecifiedPurpose[];

  @Property({ type: 'json' })
  categories!: DataCategory[];

  /** Sealed (collectionSealContext 'source'): where it was collected, free text that may name the provider. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  sourceSealed: string | null = null;

  /** Sealed (collectionSealContext 'note'): the staff member's note about the provider. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  noteSealed: string | null = null;

  @ManyToOne({ entity: 'AdminUser', nullable: true, deleteRule: 'set null' })
  recordedBy: Rel<AdminUser> | null = null;

  @Property({ type: 'string', length: 120 })
  recordedByName!: string;

  @Unique()
  @Property({ type: 'uuid' })
  receiptId!: string;

  /** Canonical JSON of the receipt: references and categories, no personal values. */
  @Property({ type: 'text' })
  receiptJson!: string;

  @Property({ type: 'string', length: 64 })
  receiptHash!: string;
}

/** What a collection's sealed source or note is bound to (AES-GCM associated data). */
export function collectionSealContext(id: string, field: 'source' | 'note'): string {
  return `collection-record:${id}:${field}`;
}
