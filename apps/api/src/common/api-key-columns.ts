import { DateTimeType, Embeddable, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { AdminUser } from '../auth/admin-user.entity.js';

/**
 * The columns every API key credential has (partner keys, internal systems' keys): embedded
 * without a prefix, so they are plain columns of the credential's own table. The key
 * (`<prefix>_<keyId>_<secret>`) is shown once; only the public `keyId` and the SHA-256 of the
 * secret are stored.
 */
@Embeddable()
export class ApiKeyColumns {
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
