import type { DataCategory, ExceptionKind, MeetingKind } from '@steward/policy-core';
import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { DataCategoryEnum, ExceptionKindEnum, MeetingKindEnum } from '../common/enums.js';

// class-validator only bounds sizes (cheap rejection of oversized payloads before any work); what
// evidence is complete, and what a scope may cover, is policy-core's (missingEvidence,
// validateActivation). Every evidence field is optional here: a draft may be incomplete.

@InputType({ description: 'Clause 2 item 1: required by law.' })
export class LawEvidenceInput {
  @Field(() => String, { nullable: true, description: 'The statute relied on.' }) @MaxLength(10_000) statute?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The article relied on.' }) @MaxLength(10_000) article?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The authority that demands the data.' })
  @MaxLength(10_000)
  requestingAuthority?: string | null;
  @Field(() => String, { nullable: true, description: 'The order, warrant or letter of request.' })
  @MaxLength(10_000)
  documentReference?: string | null;
  @Field(() => Date, { nullable: true, description: 'When the demand was issued; not in the future.' })
  issuedOn?: Date | null;
}

@InputType({ description: 'Clause 2 item 2: agreed to by the provider.' })
export class ProviderAgreementEvidenceInput {
  @Field(() => [ID], { nullable: true, description: 'The consent events recording the agreement.' })
  @ArrayMaxSize(100)
  @MaxLength(100, { each: true })
  consentEventIds?: string[] | null;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'What they agreed to, in short (several lines allowed).' })
  @MaxLength(10_000)
  summary?: string | null;
}

@InputType({ description: 'Clause 2 item 3: provision to a contractor to complete a stated purpose.' })
export class OutsourcingEvidenceInput {
  @Field(() => ID, { nullable: true, description: 'The contractor (a recipient).' }) @MaxLength(100) recipientId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'The outsourcing contract (a document reference).' })
  @MaxLength(10_000)
  contractReference?: string | null;
  @Field(() => String, { nullable: true, description: 'The stated purpose the contractor helps to complete.' })
  @MaxLength(1000)
  servesPurposeKey?: string | null;
  @Field(() => [DataCategoryEnum], { nullable: true, description: 'What the contract lets the contractor receive.' })
  @ArrayMaxSize(50)
  categories?: DataCategory[] | null;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'How the contractor is supervised (several lines allowed).' })
  @MaxLength(10_000)
  supervisionRecord?: string | null;
}

@InputType({ description: 'Clause 2 item 4: a legitimate reason approved at a general or board meeting.' })
export class BoardApprovalEvidenceInput {
  @Field(() => MeetingKindEnum, { nullable: true, description: 'A general meeting or a board meeting.' })
  meetingKind?: MeetingKind | null;
  @Field(() => Date, { nullable: true, description: 'When the meeting was held; not in the future.' })
  meetingDate?: Date | null;
  @Field(() => String, { nullable: true, description: "The resolution's number in the minutes." })
  @MaxLength(10_000)
  resolutionNumber?: string | null;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description: 'The legitimate reason the meeting approved (several lines allowed).',
  })
  @MaxLength(10_000)
  legitimateReason?: string | null;
  @Field(() => String, { nullable: true, description: 'Where the minutes are kept (a document reference).' })
  @MaxLength(10_000)
  minutesReference?: string | null;
}

@InputType({ description: 'Exactly one part, the one matching the exception kind.' })
export class ExceptionEvidenceInput {
  @Field(() => LawEvidenceInput, { nullable: true, description: 'For a LAW exception.' })
  @ValidateNested()
  law?: LawEvidenceInput | null;
  @Field(() => ProviderAgreementEvidenceInput, { nullable: true, description: 'For a PROVIDER_AGREEMENT exception.' })
  @ValidateNested()
  providerAgreement?: ProviderAgreementEvidenceInput | null;
  @Field(() => OutsourcingEvidenceInput, { nullable: true, description: 'For an OUTSOURCING exception.' })
  @ValidateNested()
  outsourcing?: OutsourcingEvidenceInput | null;
  @Field(() => BoardApprovalEvidenceInput, { nullable: true, description: 'For a BOARD_APPROVAL exception.' })
  @ValidateNested()
  boardApproval?: BoardApprovalEvidenceInput | null;
}

@InputType({ description: 'What the exception permits: every list is an allow-list; an empty list covers nothing.' })
export class ExceptionScopeInput {
  @Field(() => [String], { description: 'The purposes the use or provision is for.' })
  @ArrayMaxSize(100)
  @MaxLength(1000, { each: true })
  purposeKeys!: string[];

  @Field(() => [DataCategoryEnum], { description: 'The data categories it covers.' })
  @ArrayMaxSize(50)
  categories!: DataCategory[];

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Covers every provider's data (not for PROVIDER_AGREEMENT).",
  })
  allProviders!: boolean;

  @Field(() => [ID], { defaultValue: [], description: 'The providers it covers, by id (at most 10,000).' })
  @ArrayMaxSize(1000)
  @MaxLength(100, { each: true })
  providerIds!: string[];

  @Field(() => ID, { nullable: true, description: 'Who may receive the data; none means internal use only.' })
  @MaxLength(100)
  recipientId?: string | null;
}

@InputType({ description: 'A new permitted exception, saved as a DRAFT until a second person approves it.' })
export class CreateExceptionInput {
  @Field(() => ExceptionKindEnum, { description: 'Which permitted exception of clause 2 it is.' }) kind!: ExceptionKind;
  @Field(() => String, { description: 'A short name, e.g. "Journal delivery by courier".' })
  @MaxLength(1000)
  title!: string;
  @Field(() => ExceptionEvidenceInput, { description: 'The evidence for the kind; may be incomplete in a draft.' })
  @ValidateNested()
  evidence!: ExceptionEvidenceInput;
  @Field(() => ExceptionScopeInput, { description: 'What it would permit.' })
  @ValidateNested()
  scope!: ExceptionScopeInput;
  @Field(() => Date, { nullable: true, description: 'Defaults to now.' }) validFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Exclusive; none means until revoked.' }) validUntil?: Date | null;
}

@InputType({ description: 'Replaces the whole draft; only a DRAFT can be edited.' })
export class UpdateExceptionInput extends CreateExceptionInput {
  @Field(() => ID, { description: 'The draft exception.' }) @MaxLength(100) id!: string;
  @Field(() => Int, { description: "The exception's `version` as read: a stale edit is refused with CONFLICT." })
  expectedVersion!: number;
}

@InputType({ description: 'Which draft exception to approve, as read.' })
export class ApproveExceptionInput {
  @Field(() => ID, { description: 'The draft permitted exception to approve.' }) id!: string;
  @Field(() => Int, {
    description:
      "The exception's `version` as read: if someone changed it since, the approval is refused with CONFLICT.",
  })
  expectedVersion!: number;
}

@InputType({ description: 'Which approved exception to revoke, and why.' })
export class RevokeExceptionInput {
  @Field(() => ID, { description: 'The approved (ACTIVE) permitted exception to revoke.' }) id!: string;
  @Extensions(MULTILINE)
  @Field(() => String, {
    description: 'Why it is revoked, kept with the exception and shown to staff (several lines allowed).',
  })
  reason!: string;
  @Field(() => Int, {
    description:
      "The exception's `version` as read: if someone changed it since, the revocation is refused with CONFLICT.",
  })
  expectedVersion!: number;
}
