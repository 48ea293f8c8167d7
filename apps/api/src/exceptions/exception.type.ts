import type { DataCategory, ExceptionKind, MeetingKind } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  DataCategoryEnum,
  ExceptionKindEnum,
  ExceptionStatusEnum,
  MeetingKindEnum,
  RecipientKindEnum,
} from '../common/enums.js';
import { IssueType } from '../common/issue.type.js';
import type { RecipientKind } from '../recipients/recipient-kinds.js';

type EffectiveStatus = keyof typeof ExceptionStatusEnum;

@ObjectType('LawEvidence', {
  description: 'The evidence of a LAW exception (clause 2 item 1): the law and the demand made under it.',
})
export class LawEvidenceType {
  @Field(() => String, { nullable: true, description: 'The statute relied on.' }) statute!: string | null;
  @Field(() => String, { nullable: true, description: 'The article relied on.' }) article!: string | null;
  @Field(() => String, { nullable: true, description: 'The authority that demanded the data.' }) requestingAuthority!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The order, warrant or letter of request.' }) documentReference!:
    string | null;
  @Field(() => Date, { nullable: true, description: 'When the demand was issued.' }) issuedOn!: Date | null;
}

@ObjectType('ProviderAgreementEvidence', {
  description: "The evidence of a PROVIDER_AGREEMENT exception (clause 2 item 2): the provider's recorded agreement.",
})
export class ProviderAgreementEvidenceType {
  @Field(() => [ID], { description: 'The consent events in which the providers agreed.' }) consentEventIds!: string[];
  @Field(() => String, { nullable: true, description: 'What they agreed to, in short.' }) summary!: string | null;
}

@ObjectType('OutsourcingEvidence', {
  description: 'The evidence of an OUTSOURCING exception (clause 2 item 3): the contract and its supervision.',
})
export class OutsourcingEvidenceType {
  @Field(() => ID, { nullable: true, description: 'The contractor the data goes to.' }) recipientId!: string | null;
  @Field(() => String, { nullable: true, description: 'The outsourcing contract (a document reference).' })
  contractReference!: string | null;
  @Field(() => String, { nullable: true, description: 'The stated purpose of use the outsourcing completes.' })
  servesPurposeKey!: string | null;
  @Field(() => [DataCategoryEnum], { description: 'The data categories the contractor receives.' })
  categories!: DataCategory[];
  @Field(() => String, {
    nullable: true,
    description: 'How the contractor is supervised (a record or document reference).',
  })
  supervisionRecord!: string | null;
}

@ObjectType('BoardApprovalEvidence', {
  description: 'The evidence of a BOARD_APPROVAL exception (clause 2 item 4): the meeting that approved it and why.',
})
export class BoardApprovalEvidenceType {
  @Field(() => MeetingKindEnum, { nullable: true, description: 'A general meeting or a board meeting.' })
  meetingKind!: MeetingKind | null;
  @Field(() => Date, { nullable: true, description: 'When the meeting was held.' }) meetingDate!: Date | null;
  @Field(() => String, { nullable: true, description: "The resolution's number in the minutes." }) resolutionNumber!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The legitimate reason the meeting approved.' })
  legitimateReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Where the minutes are kept (a document reference).' })
  minutesReference!: string | null;
}

@ObjectType('ExceptionEvidence', { description: 'The evidence; only the part matching the kind is set.' })
export class ExceptionEvidenceType {
  @Field(() => LawEvidenceType, { nullable: true, description: 'Set for a LAW exception: the law and the demand.' })
  law!: LawEvidenceType | null;
  @Field(() => ProviderAgreementEvidenceType, {
    nullable: true,
    description: 'Set for a PROVIDER_AGREEMENT exception: the consent events it rests on.',
  })
  providerAgreement!: ProviderAgreementEvidenceType | null;
  @Field(() => OutsourcingEvidenceType, {
    nullable: true,
    description: 'Set for an OUTSOURCING exception: the contract and its supervision.',
  })
  outsourcing!: OutsourcingEvidenceType | null;
  @Field(() => BoardApprovalEvidenceType, {
    nullable: true,
    description: "Set for a BOARD_APPROVAL exception: the meeting's approval.",
  })
  boardApproval!: BoardApprovalEvidenceType | null;
}

@ObjectType('ExceptionRecipient', { description: 'The outside recipient an exception lets data be provided to.' })
export class ExceptionRecipientType {
  @Field(() => ID, { description: "The recipient's id." }) id!: string;
  @Field(() => String, { description: "The recipient's name." }) name!: string;
  @Field(() => RecipientKindEnum, { description: 'Who the recipient is to the organisation.' }) kind!: RecipientKind;
}

@ObjectType('ExceptionScope', { description: 'What the exception covers.' })
export class ExceptionScopeType {
  @Field(() => [String], { description: 'The purposes of use it serves, by key.' }) purposeKeys!: string[];
  @Field(() => [DataCategoryEnum], { description: 'The data categories it covers.' }) categories!: DataCategory[];
  @Field(() => Boolean, { description: 'True if it covers every provider; then providerIds is empty.' })
  allProviders!: boolean;
  @Field(() => [ID], { description: 'Empty when allProviders.' }) providerIds!: string[];
  @Field(() => [ID], {
    description:
      'For a provider agreement in effect: the providers it names who have since withdrawn or refused the consent it cites for them, so it no longer covers them. Empty otherwise.',
  })
  withdrawnProviderIds!: string[];
  @Field(() => ExceptionRecipientType, { nullable: true, description: 'None: internal use only, never provision.' })
  recipient!: ExceptionRecipientType | null;
}

@ObjectType('ExceptionAbilities', {
  description:
    "What the caller may do with this exception now, computed by policy-core (exceptionAbilities) from the exception and the caller's role and id; the admin shows exactly these actions.",
})
export class ExceptionAbilitiesType {
  @Field(() => Boolean, {
    description: 'May edit it: a draft, for an owner or a privacy officer (the editor becomes its author).',
  })
  edit!: boolean;
  @Field(() => Boolean, {
    description:
      'May approve it: a draft, for an owner or a privacy officer who is not its author (four eyes). Missing evidence still refuses the approval; see missingEvidence.',
  })
  approve!: boolean;
  @Field(() => Boolean, {
    description:
      'May revoke it: an approved exception (in effect, not yet valid or expired), for an owner or a privacy officer.',
  })
  revoke!: boolean;
}

@ObjectType('PermittedException', { description: 'A permitted exception of policy clause 2.' })
export class PermittedExceptionType {
  @Field(() => ID, { description: "The exception's id." }) id!: string;
  @Field(() => ExceptionKindEnum, { description: 'Which permitted exception of clause 2 it is.' }) kind!: ExceptionKind;
  @Field(() => String, { description: 'A title made from its kind and evidence, which names it wherever it is cited.' })
  title!: string;
  @Field(() => ExceptionStatusEnum, { description: 'The effective status now (revocation and expiry bite at once).' })
  status!: EffectiveStatus;
  @Field(() => ExceptionEvidenceType, { description: 'The evidence for the kind.' }) evidence!: ExceptionEvidenceType;
  @Field(() => ExceptionScopeType, { description: 'What it covers.' }) scope!: ExceptionScopeType;
  @Field(() => [IssueType], {
    description: 'What the evidence still lacks (policy-core missingEvidence); empty when complete.',
  })
  missingEvidence!: IssueType[];
  @Field(() => Date, { description: 'When it starts to count (once approved).' }) validFrom!: Date;
  @Field(() => Date, { nullable: true, description: 'When it stops counting; null if open-ended.' })
  validUntil!: Date | null;
  @Field(() => String, { description: 'The name of its author (whoever last edited the draft).' }) authoredBy!: string;
  @Field(() => ID, { description: "The author's admin user id: approval must come from someone else." })
  authoredById!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The name of the member of staff who approved it; null for a draft.',
  })
  approvedBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was approved; null for a draft.' })
  approvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The name of who revoked it; null unless revoked.' }) revokedBy!:
    string | null;
  @Field(() => Date, { nullable: true, description: 'When it was revoked; null unless revoked.' })
  revokedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was revoked; null unless revoked.' }) revocationReason!:
    string | null;
  @Field(() => Int, { description: 'Its version, for optimistic locking: pass it as `expectedVersion`.' })
  version!: number;
  @Field(() => Date, { description: 'When it was first drafted.' }) createdAt!: Date;
  @Field(() => Date, { description: 'When it last changed.' }) updatedAt!: Date;
  @Field(() => ExceptionAbilitiesType, { description: 'What the caller may do with this exception now.' })
  abilities!: ExceptionAbilitiesType;
}
