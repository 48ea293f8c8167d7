import { BeforeUpdate, Entity, Enum, Property, Unique, DateTimeType, type EventArgs } from '@mikro-orm/core';
import { ADMIN_ROLES, LANGUAGES, type AdminRole } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';
import type { Language } from '../i18n/language.js';

@Entity()
export class AdminUser extends BaseEntity<
  | 'disabled'
  | 'lastLoginAt'
  | 'mustChangePassword'
  | 'passwordChangedAt'
  | 'deactivatedAt'
  | 'totpSecretSealed'
  | 'totpPendingSealed'
  | 'totpEnabledAt'
  | 'totpLastStep'
  | 'deviceEpoch'
  | 'language'
> {
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

  /** Deactivated: no sign-in, and every session ends (resolveSession reads this on every request). */
  @Property({ type: 'boolean' })
  disabled: boolean = false;

  /** Set by an owner's password reset: the next session may only choose a new password. */
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean = false;

  @Property({ type: DateTimeType, nullable: true })
  passwordChangedAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  deactivatedAt: Date | null = null;

  /** The TOTP secret (RFC 6238), sealed by the field cipher; null when no second factor is enrolled. */
  @Property({ type: 'text', nullable: true, hidden: true })
  totpSecretSealed: string | null = null;

  /** A secret shown for enrolment and not yet confirmed by a first code. */
  @Property({ type: 'text', nullable: true, hidden: true })
  totpPendingSealed: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  totpEnabledAt: Date | null = null;

  /** The newest time step whose code was accepted: a code is never accepted twice. */
  @Property({ type: 'integer', nullable: true })
  totpLastStep: number | null = null;

  /**
   * Part of every device cookie's MAC (auth/sign-in-throttle.ts): moved whenever the account's
   * password changes (the member's own change, an owner's reset, the operator's recovery), its second
   * factor is removed, or it is deactivated — so the browsers that signed in before stop being exempt
   * from the sign-in slowdown. Moved here, on every update of those fields, so no path can forget it.
   */
  @Property({ type: 'integer', default: 0 })
  deviceEpoch: number = 0;

  /** The language the member reads Steward in (setMyLanguage); null: the organisation's default. */
  @Enum({ items: () => [...LANGUAGES], type: 'string', nullable: true })
  language: Language | null = null;

  @BeforeUpdate()
  moveDeviceEpoch(args: EventArgs<AdminUser>): void {
    const changed = args.changeSet?.payload ?? {};
    const factorRemoved = 'totpSecretSealed' in changed && this.totpSecretSealed === null;
    const deactivated = 'disabled' in changed && this.disabled;
    if ('passwordHash' in changed || factorRemoved || deactivated) this.deviceEpoch += 1;
  }
}
