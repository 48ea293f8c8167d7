import type { InquiryChannel, InquiryReplyKind, InquiryStatus } from '@steward/policy-core';
import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { InquiryChannelEnum, InquiryReplyKindEnum, InquiryStatusEnum } from './inquiry.type.js';

// Sizes only, a little above policy-core's INQUIRY_LIMITS so the precise issue comes from
// validateInquiry; anything larger is refused before any work.

@InputType({
  description: 'An inquiry from the public form (clause 8). Give an e-mail or a postal address for the answer.',
})
export class SubmitInquiryInput {
  @Field(() => String, { nullable: true }) @MaxLength(1000) name?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(1000) email?: string | null;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(2000) postalAddress?: string | null;
  @Field(() => String) @MaxLength(1000) subject!: string;
  @Extensions(MULTILINE) @Field(() => String) @MaxLength(10_000) message!: string;
}

@InputType({ description: 'An inquiry received by post, telephone, fax or e-mail, written down by staff.' })
export class RecordInquiryInput {
  @Field(() => InquiryChannelEnum) channel!: InquiryChannel;
  @Field(() => Date, { nullable: true, description: 'When it arrived; defaults to now.' }) receivedAt?: Date | null;
  @Field(() => String, { nullable: true }) @MaxLength(1000) name?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(1000) email?: string | null;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(2000) postalAddress?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(200) telephone?: string | null;
  @Field(() => String) @MaxLength(1000) subject!: string;
  @Extensions(MULTILINE) @Field(() => String) @MaxLength(10_000) message!: string;
  @Field(() => ID, { nullable: true, description: 'The provider, when already identified.' })
  @MaxLength(100)
  providerId?: string | null;
}

@InputType()
export class AddInquiryReplyInput {
  @Field(() => ID) @MaxLength(100) inquiryId!: string;
  @Field(() => InquiryReplyKindEnum) kind!: InquiryReplyKind;
  @Field(() => InquiryChannelEnum, { nullable: true, description: 'How the answer was given (required for ANSWER).' })
  channel?: InquiryChannel | null;
  @Extensions(MULTILINE) @Field(() => String) @MaxLength(10_000) body!: string;
  @Field(() => Date, { nullable: true, description: 'When it was answered; defaults to now.' }) at?: Date | null;
}

@InputType()
export class InquiryFilter {
  @Field(() => InquiryStatusEnum, { nullable: true }) status?: InquiryStatus | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only inquiries not yet answered (NEW or IN_PROGRESS; policy-core UNANSWERED_INQUIRY_STATUSES).',
  })
  unanswered?: boolean | null;
  @Field(() => ID, { nullable: true }) @MaxLength(100) assigneeId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only inquiries nobody is assigned to.' }) unassigned?:
    boolean | null;
  @Field(() => ID, { nullable: true }) @MaxLength(100) providerId?: string | null;
}
