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

const asEnum = <const T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
export const InquiryChannelEnum = asEnum(INQUIRY_CHANNELS);
export const InquiryStatusEnum = asEnum(INQUIRY_STATUSES);
export const InquiryReplyKindEnum = asEnum(INQUIRY_REPLY_KINDS);
registerEnumType(InquiryChannelEnum, {
  name: 'InquiryChannel',
  description: 'How an inquiry reached the secretariat (clause 8).',
});
registerEnumType(InquiryStatusEnum, { name: 'InquiryStatus' });
registerEnumType(InquiryReplyKindEnum, {
  name: 'InquiryReplyKind',
  description: 'An internal NOTE, or the ANSWER given to the inquirer.',
});

@ObjectType('InquiryReceipt', { description: 'What the inquirer keeps: the reference to quote when following up.' })
export class InquiryReceiptType {
  @Field(() => String) reference!: string;
  @Field(() => Date) receivedAt!: Date;
}

@ObjectType('InquiryAdmin', { description: 'An admin an inquiry can be assigned to.' })
export class InquiryAdminType {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
}

@ObjectType('InquirySummary', {
  description: 'An inquiry without its content: what the inbox lists (no personal values).',
})
export class InquirySummaryType {
  @Field(() => ID) id!: string;
  @Field(() => String) reference!: string;
  @Field(() => InquiryChannelEnum) channel!: InquiryChannel;
  @Field(() => InquiryStatusEnum) status!: InquiryStatus;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => InquiryAdminType, { nullable: true }) assignee!: InquiryAdminType | null;
  @Field(() => ID, { nullable: true }) providerId!: string | null;
  @Field(() => String, { nullable: true }) providerReference!: string | null;
  @Field(() => String, { nullable: true, description: 'Who wrote a staff entry down; null for the public form.' })
  recordedBy!: string | null;
  @Field(() => [InquiryStatusEnum], { description: 'The statuses it may move to now.' }) nextStatuses!: InquiryStatus[];
  @Field(() => Int) version!: number;
}

@ObjectType('InquiryContent', {
  description: 'What the inquirer said and how to answer them (decrypted; every read is audited).',
})
export class InquiryContentType {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) postalAddress!: string | null;
  @Field(() => String, { nullable: true }) telephone!: string | null;
  @Field(() => String) subject!: string;
  @Field(() => String) message!: string;
}

@ObjectType('InquiryReply')
export class InquiryReplyType {
  @Field(() => ID) id!: string;
  @Field(() => InquiryReplyKindEnum) kind!: InquiryReplyKind;
  @Field(() => InquiryChannelEnum, { nullable: true }) channel!: InquiryChannel | null;
  @Field(() => Date) at!: Date;
  @Field(() => String) author!: string;
  @Field(() => String) body!: string;
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
  @Field(() => InquirySummaryType) summary!: InquirySummaryType;
  @Field(() => InquiryContentType) content!: InquiryContentType;
  @Field(() => [InquiryReplyType], { description: 'Oldest first.' }) replies!: InquiryReplyType[];
}

export const InquiryConnection = Connection('Inquiry', InquirySummaryType, { one: 'inquiry', many: 'inquiries' });
export type InquiryConnection = InstanceType<typeof InquiryConnection>;
