import {
  INQUIRY_CHANNELS,
  INQUIRY_REPLY_KINDS,
  INQUIRY_STATUSES,
  type InquiryChannel,
  type InquiryReplyKind,
  type InquiryStatus,
} from '@steward/policy-core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { describeValues } from '../common/enums.js';

const asEnum = <const T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
export const InquiryChannelEnum = asEnum(INQUIRY_CHANNELS);
export const InquiryStatusEnum = asEnum(INQUIRY_STATUSES);
export const InquiryReplyKindEnum = asEnum(INQUIRY_REPLY_KINDS);
registerEnumType(InquiryChannelEnum, {
  name: 'InquiryChannel',
  description: 'How an inquiry reached the secretariat (clause 8).',
  valuesConfig: describeValues({
    WEB_FORM: 'The public inquiry form (/privacy/inquiry).',
    POST: 'By post, written down by staff.',
    TELEPHONE: 'By telephone, written down by staff.',
    FAX: 'By fax, written down by staff.',
    EMAIL: 'By e-mail, written down by staff.',
  }),
});
registerEnumType(InquiryStatusEnum, {
  name: 'InquiryStatus',
  description: 'Where an inquiry stands.',
  valuesConfig: describeValues({
    NEW: 'Received; no one has taken it up.',
    IN_PROGRESS: 'Someone is working on it.',
    ANSWERED: 'An answer was given (recorded as a reply).',
    CLOSED: 'Nothing more to do.',
  }),
});
registerEnumType(InquiryReplyKindEnum, {
  name: 'InquiryReplyKind',
  description: 'An internal NOTE, or the ANSWER given to the inquirer.',
  valuesConfig: describeValues({
    NOTE: 'For staff only; never sent.',
    ANSWER: 'What the inquirer was told, with how (channel) and when.',
  }),
});

@ObjectType('InquiryReceipt', { description: 'What the inquirer keeps: the reference to quote when following up.' })
export class InquiryReceiptType {
  @Field(() => String, { description: 'The reference (受付番号) to quote when following up.' }) reference!: string;
  @Field(() => Date, { description: 'When it was received.' }) receivedAt!: Date;
}

@ObjectType('InquiryAdmin', { description: 'An admin an inquiry can be assigned to.' })
export class InquiryAdminType {
  @Field(() => ID, { description: "The member's admin user id." }) id!: string;
  @Field(() => String, { description: "The member's name." }) displayName!: string;
}

@ObjectType('InquirySummary', {
  description: 'An inquiry without its content: what the inbox lists (no personal values).',
})
export class InquirySummaryType {
  @Field(() => ID, { description: "The inquiry's id." }) id!: string;
  @Field(() => String, { description: 'Its reference (受付番号), as the inquirer was told.' }) reference!: string;
  @Field(() => InquiryChannelEnum, { description: 'How it reached the secretariat.' }) channel!: InquiryChannel;
  @Field(() => InquiryStatusEnum, { description: 'Where it stands.' }) status!: InquiryStatus;
  @Field(() => Date, { description: 'When it was received.' }) receivedAt!: Date;
  @Field(() => InquiryAdminType, {
    nullable: true,
    description: 'The member of staff handling it; null if unassigned.',
  })
  assignee!: InquiryAdminType | null;
  @Field(() => ID, { nullable: true, description: 'The provider it turned out to be from; null if not linked.' })
  providerId!: string | null;
  @Field(() => String, { nullable: true, description: "That provider's reference; null if not linked." })
  providerReference!: string | null;
  @Field(() => String, { nullable: true, description: 'Who wrote a staff entry down; null for the public form.' })
  recordedBy!: string | null;
  @Field(() => [InquiryStatusEnum], { description: 'The statuses it may move to now.' }) nextStatuses!: InquiryStatus[];
  @Field(() => Int, {
    description: 'Its version, for optimistic locking: pass it as `expectedVersion` when changing it.',
  })
  version!: number;
}

@ObjectType('InquiryContent', {
  description: 'What the inquirer said and how to answer them (decrypted; every read is audited).',
})
export class InquiryContentType {
  @Field(() => String, { nullable: true, description: 'The name the inquirer gave; null if anonymous.' }) name!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The e-mail address to answer to; null if not given.' }) email!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The postal address to answer to; null if not given.' })
  postalAddress!: string | null;
  @Field(() => String, { nullable: true, description: 'The telephone number given; null if none.' }) telephone!:
    string | null;
  @Field(() => String, { description: "The inquiry's subject line." }) subject!: string;
  @Field(() => String, { description: 'What the inquirer wrote.' }) message!: string;
}

@ObjectType('InquiryReply', { description: 'A note or answer recorded on an inquiry.' })
export class InquiryReplyType {
  @Field(() => ID, { description: "The reply's id." }) id!: string;
  @Field(() => InquiryReplyKindEnum, { description: 'An internal note, or the answer given.' }) kind!: InquiryReplyKind;
  @Field(() => InquiryChannelEnum, { nullable: true, description: 'How the answer was given; null for a note.' })
  channel!: InquiryChannel | null;
  @Field(() => Date, { description: 'When it was written, or when the answer was given.' }) at!: Date;
  @Field(() => String, { description: 'The name of the member of staff who recorded it.' }) author!: string;
  @Field(() => String, { description: "The note or the answer's text." }) body!: string;
}

@ObjectType('InquiryAbilities', {
  description:
    "What the caller may do with this inquiry now, computed by policy-core (inquiryAbilities) from the inquiry and the caller's role; the admin shows exactly these actions. A viewer may do nothing.",
})
export class InquiryAbilitiesType {
  @Field(() => Boolean, {
    description: 'May record an answer given or an internal note (in any status, a closed inquiry too).',
  })
  reply!: boolean;
  @Field(() => Boolean, { description: 'May assign it to an admin who handles inquiries, or to nobody.' })
  assign!: boolean;
  @Field(() => Boolean, { description: 'May link it to a provider, or to another one.' })
  link!: boolean;
  @Field(() => Boolean, { description: 'May remove the link to its provider: one is linked.' })
  unlink!: boolean;
  @Field(() => [InquiryStatusEnum], {
    description:
      'The statuses the caller may move it to now, closing and reopening included (ANSWERED only once an answer is recorded).',
  })
  nextStatuses!: InquiryStatus[];
}

@ObjectType('Inquiry', { description: 'An inquiry with its content and replies.' })
export class InquiryType {
  @Field(() => InquirySummaryType, { description: 'Its status, assignee and links, as the inbox lists it.' })
  summary!: InquirySummaryType;
  @Field(() => InquiryContentType, {
    description: 'What the inquirer wrote and their contact details (decrypted; the read is audited).',
  })
  content!: InquiryContentType;
  @Field(() => [InquiryReplyType], { description: 'Oldest first.' }) replies!: InquiryReplyType[];
}

export const InquiryConnection = Connection('Inquiry', InquirySummaryType, { one: 'inquiry', many: 'inquiries' });
export type InquiryConnection = InstanceType<typeof InquiryConnection>;
