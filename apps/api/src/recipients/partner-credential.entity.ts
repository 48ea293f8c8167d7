import { Entity, Index, ManyToOne, Property, Unique, DateTimeType, type Rel } from '@mikro-orm/core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { Recipient } from './recipient.entity.js';

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
