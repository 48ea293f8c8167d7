import { DateTimeType, Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { LANGUAGES, MAIL_KINDS, MAIL_STATUSES, type MailKind, type MailStatus } from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import type { Language } from '../i18n/language.js';

/**
 * One e-mail in the outbox (mail/mail.service.ts): to whom, of what kind, in which language, its
 * subject, and where its delivery is — the MAIL_DELIVERY job (`jobId`) that sends it, its attempts
 * and the last error code. The body is rendered when it is sent, from `params` (ids, titles, dates
 * and counts: never a provider's personal value) and, for an invitation, the one-time token sealed
 * by the field cipher and removed once the mail is sent. Staff addresses are staff data, kept like
 * `admin_user.email`.
 */
@Entity({ tableName: 'mail_message' })
@Index({ properties: ['createdAt'] })
export class MailMessage extends BaseEntity<
  'recipient' | 'secretSealed' | 'dedupeKey' | 'status' | 'jobId' | 'attempts' | 'errorCode' | 'sentAt'
> {
  @Enum({ items: () => [...MAIL_KINDS], type: 'string' })
  kind!: MailKind;

  /** The member it is for; null for an invitee (not a member yet) or a member since removed. */
  @ManyToOne(() => AdminUser, { nullable: true, deleteRule: 'set null' })
  recipient: Rel<AdminUser> | null = null;

  @Property({ type: 'string', length: 254 })
  toAddress!: string;

  @Enum({ items: () => [...LANGUAGES], type: 'string' })
  language!: Language;

  @Property({ type: 'string', length: 300 })
  subject!: string;

  /** JSON text: what the template needs — ids, titles, dates; never a provider's personal value. */
  @Property({ type: 'text' })
  params: string = '{}';

  /** An invitation's one-time token, sealed (bound to this row) until the mail is sent, then null. */
  @Property({ type: 'text', nullable: true, hidden: true })
  secretSealed: string | null = null;

  /** One mail per key (`REQUEST_OVERDUE:<request>:<member>`): a daily reminder does not repeat itself. */
  @Unique()
  @Property({ type: 'string', length: 200, nullable: true })
  dedupeKey: string | null = null;

  @Enum({ items: () => [...MAIL_STATUSES], type: 'string' })
  status: MailStatus = 'QUEUED';

  /** The MAIL_DELIVERY job that sends it. */
  @Property({ type: 'uuid', nullable: true })
  jobId: string | null = null;

  /** Delivery attempts made so far. */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** The last attempt's error (`SMTP_REJECTED`, `SMTP_UNREACHABLE`, …): a code, never the server's text. */
  @Property({ type: 'string', length: 60, nullable: true })
  errorCode: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  sentAt: Date | null = null;
}
