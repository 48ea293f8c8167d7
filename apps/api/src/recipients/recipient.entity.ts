import { Entity, Enum, Index, ManyToOne, Property, Unique, DateTimeType, type Rel } from '@mikro-orm/core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { RECIPIENT_KINDS, type RecipientKind } from './recipient-kinds.js';

/** An outside organisation that may receive data under a permitted exception (clause 2). */
@Entity()
export class Recipient extends BaseEntity<'contact' | 'notes'> {
  @Unique()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...RECIPIENT_KINDS], type: 'string' })
  kind!: RecipientKind;

  /** The organisation's contact for data-protection matters (department, address, telephone, e-mail). */
  @Property({ type: 'text', nullable: true })
  contact: string | null = null;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;
}

/**
 * An API key of a recipient's system. The key (`stw_<keyId>_<secret>`) is shown once; only the
 * public `keyId` and the SHA-256 of the secret are stored.
 */
@Entity()
@Index({ properties: ['recipient', 'createdAt'] })
export class PartnerCredential extends BaseEntity<'lastUsedAt' | 'revokedAt'> {
  @ManyToOne(() => Recipient, { deleteRule: 'cascade' })
  recipient!: Rel<Recipient>;

  @Property({ type: 'string', length: 120 })
  label!: string;

  @Unique()
  @Property({ type: 'string', length: 32 })
  keyId!: string;

  /** SHA-256 (hex) of the secret part of the key. */
  @Property({ type: 'string', length: 64, hidden: true })
  secretHash!: string;

  @ManyToOne(() => AdminUser, { deleteRule: 'restrict' })
  createdBy!: Rel<AdminUser>;

  @Property({ type: DateTimeType, nullable: true })
  lastUsedAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  revokedAt: Date | null = null;
}
