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

@ObjectType('LawEvidence')
export class LawEvidenceType {
  @Field(() => String, { nullable: true }) statute!: string | null;
  @Field(() => String, { nullable: true }) article!: string | null;
  @Field(() => String, { nullable: true }) requestingAuthority!: string | null;
  @Field(() => String, { nullable: true }) documentReference!: string | null;
  @Field(() => Date, { nullable: true }) issuedOn!: Date | null;
}

@ObjectType('ProviderAgreementEvidence')
export class ProviderAgreementEvidenceType {
  @Field(() => [ID]) consentEventIds!: string[];
  @Field(() => String, { nullable: true }) summary!: string | null;
}

@ObjectType('OutsourcingEvidence')
export class OutsourcingEvidenceType {
  @Field(() => ID, { nullable: true }) recipientId!: string | null;
  @Field(() => String, { nullable: true }) contractReference!: string | null;
  @Field(() => String, { nullable: true }) servesPurposeKey!: string | null;
  @Field(() => [DataCategoryEnum]) categories!: DataCategory[];
  @Field(() => String, { nullable: true }) supervisionRecord!: string | null;
}

@ObjectType('BoardApprovalEvidence')
export class BoardApprovalEvidenceType {
  @Field(() => MeetingKindEnum, { nullable: true }) meetingKind!: MeetingKind | null;
  @Field(() => Date, { nullable: true }) meetingDate!: Date | null;
  @Field(() => String, { nullable: true }) resolutionNumber!: string | null;
  @Field(() => String, { nullable: true }) legitimateReason!: string | null;
  @Field(() => String, { nullable: true }) minutesReference!: string | null;
}

@ObjectType('ExceptionEvidence', { description: 'The evidence; only the part matching the kind is set.' })
export class ExceptionEvidenceType {
  @Field(() => LawEvidenceType, { nullable: true }) law!: LawEvidenceType | null;
  @Field(() => ProviderAgreementEvidenceType, { nullable: true })
  providerAgreement!: ProviderAgreementEvidenceType | null;
  @Field(() => OutsourcingEvidenceType, { nullable: true }) outsourcing!: OutsourcingEvidenceType | null;
  @Field(() => BoardApprovalEvidenceType, { nullable: true }) boardApproval!: BoardApprovalEvidenceType | null;
}

@ObjectType('ExceptionRecipient')
export class ExceptionRecipientType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => RecipientKindEnum) kind!: RecipientKind;
}

@ObjectType('ExceptionScope', { description: 'What the exception covers.' })
export class ExceptionScopeType {
  @Field(() => [String]) purposeKeys!: string[];
  @Field(() => [DataCategoryEnum]) categories!: DataCategory[];
  @Field(() => Boolean) allProviders!: boolean;
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
  @Field(() => ID) id!: string;
  @Field(() => ExceptionKindEnum) kind!: ExceptionKind;
  @Field(() => String) title!: string;
  @Field(() => ExceptionStatusEnum, { description: 'The effective status now (revocation and expiry bite at once).' })
  status!: EffectiveStatus;
  @Field(() => ExceptionEvidenceType) evidence!: ExceptionEvidenceType;
  @Field(() => ExceptionScopeType) scope!: ExceptionScopeType;
  @Field(() => [IssueType], {
    description: 'What the evidence still lacks (policy-core missingEvidence); empty when complete.',
  })
  missingEvidence!: IssueType[];
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date, { nullable: true }) validUntil!: Date | null;
  @Field(() => String) authoredBy!: string;
  @Field(() => ID, { description: "The author's admin user id: approval must come from someone else." })
  authoredById!: string;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revocationReason!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => ExceptionAbilitiesType, { description: 'What the caller may do with this exception now.' })
  abilities!: ExceptionAbilitiesType;
}
