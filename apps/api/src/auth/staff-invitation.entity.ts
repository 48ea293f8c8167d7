import { DateTimeType, Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { ADMIN_ROLES, type AdminRole } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';
import { AdminUser } from './admin-user.entity.js';

/**
 * An owner's invitation to join the staff: a one-time link (only its token's SHA-256 is kept) that
 * lets the invitee choose a password and so create their account, until it expires or is revoked.
 */
@Entity({ tableName: 'staff_invitation' })
@Index({ properties: ['email'] })
export class StaffInvitation extends BaseEntity<'acceptedAt' | 'revokedAt'> {
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 120 })
  displayName!: string;

  @Enum({ items: () => [...ADMIN_ROLES], type: 'string' })
  role!: AdminRole;

  @Unique()
  @Property({ type: 'string', length: 64, hidden: true })
  tokenHash!: string;

  @Property({ type: DateTimeType })
  expiresAt!: Date;

  @ManyToOne(() => AdminUser, { deleteRule: 'cascade' })
  invitedBy!: Rel<AdminUser>;

  @Property({ type: DateTimeType, nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  revokedAt: Date | null = null;
}
