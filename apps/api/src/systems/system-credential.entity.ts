import { DateTimeType, Entity, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';

/**
 * A key of one of the organisation's own systems (the membership database, the mailing tool),
 * which may ask the `decision` query and nothing else. The key (`sys_<keyId>_<secret>`) is shown
 * once; only the public `keyId` and the SHA-256 of the secret are stored.
 */
@Entity()
export class SystemCredential extends BaseEntity<'lastUsedAt' | 'revokedAt'> {
  /** The system the key is for, e.g. "Membership database"; several keys may name one system (rotation). */
  @Property({ type: 'string', length: 200 })
  systemName!: string;

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
