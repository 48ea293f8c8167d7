import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { MailKind, MailStatus } from '@steward/policy-core';
import { Connection } from '../common/connection.js';
import { MailKindEnum, MailStatusEnum } from '../common/enums.js';

@ObjectType('OutboxMail', {
  description:
    'One notification mail as owners see it in the outbox: to whom, what, and where its delivery is. Never its link or a secret.',
})
export class OutboxMailType {
  @Field(() => ID, { description: 'The mail.' })
  id!: string;

  @Field(() => MailKindEnum, { description: 'What it tells of.' })
  kind!: MailKind;

  @Field(() => String, { description: 'The address it goes to (a member of staff, or an invitee).' })
  to!: string;

  @Field(() => String, {
    nullable: true,
    description: "The member's name; null for an invitee (no account yet) or a member since removed.",
  })
  recipientName!: string | null;

  @Field(() => String, { description: 'Its subject, in the language it is written in.' })
  subject!: string;

  @Field(() => MailStatusEnum, { description: 'Where it is.' })
  status!: MailStatus;

  @Field(() => Int, { description: 'Delivery attempts made so far.' })
  attempts!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed, as a stable code (`SMTP_REJECTED`, `SMTP_UNREACHABLE`, …).',
  })
  errorCode!: string | null;

  @Field(() => Date, { description: 'When it was queued.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the SMTP server accepted it.' })
  sentAt!: Date | null;
}

export const OutboxMailConnection = Connection('OutboxMail', OutboxMailType, {
  one: 'mail',
  many: 'mails of the outbox',
});
export type OutboxMailConnection = InstanceType<typeof OutboxMailConnection>;

@ObjectType('MailDelivery', { description: 'How Steward sends mail (no credentials).' })
export class MailDeliveryType {
  @Field(() => Boolean, {
    description: 'Whether an SMTP server is configured (STEWARD_SMTP_HOST); without one, mail is kept as not sent.',
  })
  configured!: boolean;

  @Field(() => String, { description: 'The sender of every mail (STEWARD_MAIL_FROM).' })
  from!: string;
}

@ObjectType('MailPreference', { description: 'Whether you get one kind of notification mail.' })
export class MailPreferenceType {
  @Field(() => MailKindEnum, { description: 'The kind of mail.' })
  kind!: MailKind;

  @Field(() => Boolean, { description: 'Whether you get it.' })
  enabled!: boolean;

  @Field(() => Boolean, { description: 'Whether you may turn it off (security mails cannot be).' })
  optional!: boolean;
}
