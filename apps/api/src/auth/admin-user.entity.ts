import { Entity, Enum, Property, Unique, DateTimeType } from '@mikro-orm/core';
import { ADMIN_ROLES, type AdminRole } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

@Entity()
export class AdminUser extends BaseEntity<'disabled' | 'lastLoginAt'> {
  /** Stored lower-cased so that sign-in is case-insensitive. */
  @Unique()
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 120 })
  displayName!: string;

  @Enum({ items: () => [...ADMIN_ROLES], type: 'string' })
  role!: AdminRole;

  /** argon2id PHC string. */
  @Property({ type: 'string', length: 255, hidden: true })
  passwordHash!: string;

  @Property({ type: DateTimeType, nullable: true })
  lastLoginAt: Date | null = null;

  @Property({ type: 'boolean' })
  disabled: boolean = false;
}
