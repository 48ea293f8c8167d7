import type { InquiryChannel, InquiryReplyKind, InquiryStatus } from '@steward/policy-core';
import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { InquiryChannelEnum, InquiryReplyKindEnum, InquiryStatusEnum } from './inquiry.type.js';

// Sizes only, a little above policy-core's INQUIRY_LIMITS so the precise issue comes from
// validateInquiry; anything larger is refused before any work.

@InputType({
  description: 'An inquiry from the public form (clause 8). Give an e-mail or a postal address for the answer.',
})
export class SubmitInquiryInput {
  @Field(() => String, { nullable: true, description: 'Your name; may be left out.' }) @MaxLength(1000) name?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The e-mail address to answer to.' }) @MaxLength(1000) email?:
    string | null;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'The postal address to answer to (several lines allowed).' })
  @MaxLength(2000)
  postalAddress?: string | null;
  @Field(() => String, { description: 'A subject line.' }) @MaxLength(1000) subject!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { description: 'What you want to ask (several lines allowed).' })
  @MaxLength(10_000)
  message!: string;
}

@InputType({ description: 'An inquiry received by post, telephone, fax or e-mail, written down by staff.' })
export class RecordInquiryInput {
  @Field(() => InquiryChannelEnum, { description: 'How the inquiry was received (not the web form).' })
  channel!: InquiryChannel;
  @Field(() => Date, { nullable: true, description: 'When it arrived; defaults to now.' }) receivedAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'The name the inquirer gave, if any.' }) @MaxLength(1000) name?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The e-mail address to answer to, if given.' })
  @MaxLength(1000)
  email?: string | null;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description: 'The postal address to answer to, if given (several lines allowed).',
  })
  @MaxLength(2000)
  postalAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'The telephone number given, if any.' })
  @MaxLength(200)
  telephone?: string | null;
  @Field(() => String, { description: 'A subject line.' }) @MaxLength(1000) subject!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { description: 'What the inquirer said (several lines allowed).' })
  @MaxLength(10_000)
  message!: string;
  @Field(() => ID, { nullable: true, description: 'The provider, when already identified.' })
  @MaxLength(100)
  providerId?: string | null;
}

@InputType({ description: 'A reply to an inquiry: an internal note, or the answer given to the inquirer.' })
export class AddInquiryReplyInput {
  @Field(() => ID, { description: 'The inquiry replied to.' }) @MaxLength(100) inquiryId!: string;
  @Field(() => InquiryReplyKindEnum, {
    description: 'NOTE is for staff only; ANSWER records what the inquirer was told and needs a channel.',
  })
  kind!: InquiryReplyKind;
  @Field(() => InquiryChannelEnum, { nullable: true, description: 'How the answer was given (required for ANSWER).' })
  channel?: InquiryChannel | null;
  @Extensions(MULTILINE)
  @Field(() => String, {
    description: 'The note or the answer as given, several lines allowed (at most 10,000 characters).',
  })
  @MaxLength(10_000)
  body!: string;
  @Field(() => Date, { nullable: true, description: 'When it was answered; defaults to now.' }) at?: Date | null;
  @Field(() => Int, {
    description: "The inquiry's `version` as read: if someone changed it since, the reply is refused with CONFLICT.",
  })
  expectedVersion!: number;
}

@InputType({ description: 'Which inquiry to move, as read, and its new status.' })
export class SetInquiryStatusInput {
  @Field(() => ID, { description: 'The inquiry to move.' }) id!: string;
  @Field(() => Int, {
    description: "The inquiry's `version` as read: if someone changed it since, the change is refused with CONFLICT.",
  })
  expectedVersion!: number;
  @Field(() => InquiryStatusEnum, {
    description: "The new status; one of the inquiry's `nextStatuses` (ANSWERED only once an answer is recorded).",
  })
  status!: InquiryStatus;
}

@InputType({ description: 'Which inquiry to assign, as read, and to whom.' })
export class AssignInquiryInput {
  @Field(() => ID, { description: 'The inquiry to assign.' }) id!: string;
  @Field(() => Int, {
    description: "The inquiry's `version` as read: if someone changed it since, the change is refused with CONFLICT.",
  })
  expectedVersion!: number;
  @Field(() => ID, {
    nullable: true,
    description: 'The member of staff (one of `inquiryAssignees`) who takes it on; null leaves it unassigned.',
  })
  assigneeId?: string | null;
}

@InputType({ description: 'Which inquiry to link, as read, and the provider it turned out to be from.' })
export class LinkInquiryProviderInput {
  @Field(() => ID, { description: 'The inquiry to link or unlink.' }) id!: string;
  @Field(() => Int, {
    description: "The inquiry's `version` as read: if someone changed it since, the change is refused with CONFLICT.",
  })
  expectedVersion!: number;
  @Field(() => ID, { nullable: true, description: 'The provider the inquiry is from; null unlinks it.' })
  providerId?: string | null;
}

@InputType({ description: 'Narrows the inquiries inbox; every field given must match.' })
export class InquiryFilter {
  @Field(() => InquiryStatusEnum, { nullable: true, description: 'Only inquiries with this status.' })
  status?: InquiryStatus | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only inquiries not yet answered (NEW or IN_PROGRESS; policy-core UNANSWERED_INQUIRY_STATUSES).',
  })
  unanswered?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'Only inquiries assigned to this member of staff.' })
  @MaxLength(100)
  assigneeId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Only inquiries nobody is assigned to.' }) unassigned?:
    boolean | null;
  @Field(() => ID, { nullable: true, description: 'Only inquiries linked to this provider.' })
  @MaxLength(100)
  providerId?: string | null;
}
