import { Entity, Enum, ManyToOne, Unique, type Rel } from '@mikro-orm/core';
import { STAFF_MAIL_KINDS, type MailKind } from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';

/** A member turned off one kind of notification mail (My account); security mails cannot be (policy-core's mayOptOutOfMail). */
@Entity({ tableName: 'mail_opt_out' })
@Unique({ properties: ['user', 'kind'] })
export class MailOptOut extends BaseEntity {
  @ManyToOne(() => AdminUser, { deleteRule: 'cascade' })
  user!: Rel<AdminUser>;

  @Enum({ items: () => [...STAFF_MAIL_KINDS], type: 'string' })
  kind!: MailKind;
}
