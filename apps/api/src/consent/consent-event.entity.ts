import { Entity, Enum, Index, ManyToOne, Property, Unique, DateTimeType, type Rel } from '@mikro-orm/core';
import { CONSENT_ACTIONS, CONSENT_METHODS, type ConsentAction, type ConsentMethod } from '@steward/policy-core';
import type { AdminUser } from '../auth/admin-user.entity.js';
import type { CollectionRecord } from '../collection/collection-record.entity.js';
import { ProviderOwned } from '../providers/provider-owned.entity.js';
import { Purpose } from '../purposes/purpose.entity.js';

/**
 * Append-only: a consent is never edited; a change is a new event. `sequence` numbers a
 * provider's events so that two concurrent writers cannot both append the same next event.
 */
@Entity()
@Unique({ properties: ['provider', 'sequence'] })
@Index({ properties: ['provider', 'purpose'] })
// The partner change feed reads consents by time when a key's scope is every provider.
@Index({ properties: ['occurredAt'] })
export class ConsentEvent extends ProviderOwned<'recordedBy' | 'collection' | 'receiptId' | 'noteSealed'> {
  @Property({ type: 'integer' })
  sequence!: number;

  @ManyToOne(() => Purpose)
  purpose!: Rel<Purpose>;

  @Enum({ items: () => [...CONSENT_ACTIONS], type: 'string' })
  action!: ConsentAction;

  @Enum({ items: () => [...CONSENT_METHODS], type: 'string' })
  method!: ConsentMethod;

  @Property({ type: 'integer' })
  policyVersion!: number;

  @Property({ type: DateTimeType })
  occurredAt!: Date;

  @ManyToOne({ entity: 'AdminUser', nullable: true, deleteRule: 'set null' })
  recordedBy: Rel<AdminUser> | null = null;

  @Property({ type: 'string', length: 120 })
  recordedByName!: string;

  @ManyToOne({ entity: 'CollectionRecord', nullable: true, deleteRule: 'set null' })
  collection: Rel<CollectionRecord> | null = null;

  @Property({ type: 'uuid', nullable: true })
  receiptId: string | null = null;

  /** Sealed (consentNoteSealContext): the staff member's note about this consent. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  noteSealed: string | null = null;
}

/** What a consent event's sealed note is bound to (AES-GCM associated data). */
export function consentNoteSealContext(id: string): string {
  return `consent-event:${id}:note`;
}
