import type {
  DataCategory,
  PolicyClause,
  PolicyLanguage,
  ProviderKind,
  ConsentState,
  LackingReason,
} from '@steward/policy-core';
import { POLICY_LANGUAGES } from '@steward/policy-core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import {
  ConsentStateEnum,
  DataCategoryEnum,
  describeValues,
  PolicyClauseEnum,
  ProviderKindEnum,
} from '../common/enums.js';
import { SecretariatContactType } from '../organisation/organisation.type.js';
import { PolicyVersionType } from './policy.type.js';

export const PolicyLanguageEnum = Object.fromEntries(POLICY_LANGUAGES.map((l) => [l, l])) as {
  [L in PolicyLanguage]: L;
};
export const DiffLineKindEnum = { UNCHANGED: 'UNCHANGED', ADDED: 'ADDED', REMOVED: 'REMOVED' } as const;
export const SectionChangeEnum = { ADDED: 'ADDED', REMOVED: 'REMOVED', CHANGED: 'CHANGED' } as const;
export const PurposeImpactChangeEnum = { ADDED: 'ADDED', WIDENED: 'WIDENED' } as const;
export const LackingReasonEnum = {
  NOT_GRANTED: 'NOT_GRANTED',
  GRANTED_BEFORE_VERSION: 'GRANTED_BEFORE_VERSION',
} as const;
registerEnumType(PolicyLanguageEnum, {
  name: 'PolicyLanguage',
  description: 'A language the policy is published in.',
  valuesConfig: describeValues<PolicyLanguage>({ ja: 'Japanese.', en: 'English.' }),
});
registerEnumType(DiffLineKindEnum, {
  name: 'DiffLineKind',
  description: "What happened to one line of a clause's text between two versions.",
  valuesConfig: describeValues({
    UNCHANGED: 'In both versions.',
    ADDED: 'Only in the newer version.',
    REMOVED: 'Only in the older version.',
  }),
});
registerEnumType(SectionChangeEnum, {
  name: 'SectionChange',
  description: 'What happened to a clause between two versions.',
  valuesConfig: describeValues({
    ADDED: 'The clause is new.',
    REMOVED: 'The clause is gone.',
    CHANGED: "The clause's text changed.",
  }),
});
registerEnumType(PurposeImpactChangeEnum, {
  name: 'PurposeImpactChange',
  description: 'Why a purpose of use needs consent again under a new version.',
  valuesConfig: describeValues({
    ADDED: 'The purpose is new: no one has consented to it yet.',
    WIDENED: 'The purpose needs more data categories than the consents given cover.',
  }),
});
registerEnumType(LackingReasonEnum, {
  name: 'LackingReason',
  description: 'Why a provider must be asked for consent to a purpose.',
  valuesConfig: describeValues({
    NOT_GRANTED: 'They never granted it (not asked, refused or withdrawn).',
    GRANTED_BEFORE_VERSION: 'They granted it before the version that widened it.',
  }),
});

@ObjectType('DiffLine', { description: "One line of a clause's text in a comparison." })
export class DiffLineType {
  @Field(() => DiffLineKindEnum, { description: 'Whether the line was added, removed or kept.' })
  kind!: keyof typeof DiffLineKindEnum;
  @Field(() => String, { description: "The line's text." }) text!: string;
  @Field(() => Int, { nullable: true, description: 'Line in the older text (1-based); null for added lines.' })
  oldLine!: number | null;
  @Field(() => Int, { nullable: true, description: 'Line in the newer text (1-based); null for removed lines.' })
  newLine!: number | null;
}

@ObjectType('SectionDiff', { description: "One clause's text in one language, the title being its first line." })
export class SectionDiffType {
  @Field(() => PolicyClauseEnum, { description: 'Which clause.' }) clause!: PolicyClause;
  @Field(() => Int, { description: "The clause's number in the version compared." }) number!: number;
  @Field(() => PolicyLanguageEnum, { description: "Which language's text." }) language!: PolicyLanguage;
  @Field(() => SectionChangeEnum, { description: 'Whether the clause was added, changed or removed.' })
  change!: keyof typeof SectionChangeEnum;
  @Field(() => Int, { description: 'How many lines were added.' }) added!: number;
  @Field(() => Int, { description: 'How many lines were removed.' }) removed!: number;
  @Field(() => [DiffLineType], { description: 'Every line, added, removed or kept, in order.' }) lines!: DiffLineType[];
}

@ObjectType('PurposeCategoryChange', {
  description: 'The data categories a version adds to a purpose of use (which asks consent again).',
})
export class PurposeCategoryChangeType {
  @Field(() => String, { description: "The purpose's key." }) key!: string;
  @Field(() => [DataCategoryEnum], { description: 'The categories added.' }) categories!: DataCategory[];
}

@ObjectType('PurposeChanges', { description: 'What a version changes about the purposes of use.' })
export class PurposeChangesType {
  @Field(() => [String], { description: 'Keys of the purposes the version adds.' }) added!: string[];
  @Field(() => [PurposeCategoryChangeType], {
    description: 'Purposes that now need more categories (the added ones listed).',
  })
  widened!: PurposeCategoryChangeType[];
  @Field(() => [PurposeCategoryChangeType], {
    description: 'Purposes that need fewer categories (the removed ones listed).',
  })
  narrowed!: PurposeCategoryChangeType[];
  @Field(() => [String], { description: 'Keys of the purposes the version retires.' }) retired!: string[];
}

@ObjectType('PolicyDiff', {
  description: 'A policy version compared with the one before it (a draft: with the version in force).',
})
export class PolicyDiffType {
  @Field(() => PolicyVersionType, {
    nullable: true,
    description: 'The version compared against: the one in force for a draft, the one before for a published version.',
  })
  base!: PolicyVersionType | null;
  @Field(() => PolicyVersionType, { description: 'The version compared.' }) version!: PolicyVersionType;
  @Field(() => [SectionDiffType], { description: "Each clause's text compared, per language." })
  sections!: SectionDiffType[];
  @Field(() => PurposeChangesType, { description: 'Purposes of use added or retired.' })
  purposeChanges!: PurposeChangesType;
}

@ObjectType('PurposeImpact', { description: 'Consent to one added or widened purpose under the new version.' })
export class PurposeImpactType {
  @Field(() => String, { description: "The purpose's key." }) key!: string;
  @Field(() => PurposeImpactChangeEnum, { description: 'Whether the purpose is new, or asks for more categories.' })
  change!: keyof typeof PurposeImpactChangeEnum;
  @Field(() => [DataCategoryEnum], { description: 'ADDED: every category it needs; WIDENED: the new ones.' })
  addedCategories!: DataCategory[];
  @Field(() => Int, { description: 'Providers whose consent already covers the new version.' }) covered!: number;
  @Field(() => Int, { description: 'Providers who must be asked (again).' }) lacking!: number;
  @Field(() => Int, { description: 'How many providers were never asked for it.' }) notAsked!: number;
  @Field(() => Int, { description: 'Granted, but under an earlier version (fewer categories or another purpose).' })
  grantedBeforeVersion!: number;
  @Field(() => Int, { description: 'How many refused it.' }) refused!: number;
  @Field(() => Int, { description: 'How many withdrew it.' }) withdrawn!: number;
}

@ObjectType('PolicyImpact', {
  description: "Who must be asked for consent again because of a version (policy-core's reconsentImpact rule).",
})
export class PolicyImpactType {
  @Field(() => Int, { description: 'The number the version has, or will have once published.' }) nextVersion!: number;
  @Field(() => Int, { description: 'How many providers must be asked for consent again, counted once each.' })
  providers!: number;
  @Field(() => Int, { description: 'Providers lacking consent for at least one affected purpose.' })
  providersToAsk!: number;
  @Field(() => Int, { description: '(provider, purpose) pairs lacking consent.' }) consentsMissing!: number;
  @Field(() => PurposeChangesType, { description: 'Purposes of use added or retired.' })
  purposeChanges!: PurposeChangesType;
  @Field(() => [PurposeImpactType], { description: 'Added purposes, then widened ones.' })
  purposes!: PurposeImpactType[];
}

@ObjectType('LackingConsent', {
  description: 'A provider who must be asked for consent to a purpose; references only, no personal values.',
})
export class LackingConsentType {
  @Field(() => String, { description: "The provider's id." }) providerId!: string;
  @Field(() => String, { description: "The organisation's reference for the provider." }) reference!: string;
  @Field(() => ProviderKindEnum, { description: 'Who the provider is to the organisation.' }) kind!: ProviderKind;
  @Field(() => ConsentStateEnum, { description: 'Their consent to the purpose now.' }) state!: ConsentState;
  @Field(() => Int, {
    nullable: true,
    description: 'The policy version their last grant was given under; null if never granted.',
  })
  policyVersion!: number | null;
  @Field(() => LackingReasonEnum, {
    description: 'Never granted, or granted before the version that changed the purpose.',
  })
  reason!: LackingReason;
  @Field(() => String, { description: 'Why they must be asked, in English.' }) message!: string;
}

export const LackingConsentConnection = Connection('LackingConsent', LackingConsentType, {
  one: 'provider lacking consent',
  many: 'providers lacking consent',
});
export type LackingConsentConnection = InstanceType<typeof LackingConsentConnection>;

@ObjectType('PublicPolicySection', { description: 'One clause of the policy in force, in one language.' })
export class PublicPolicySectionType {
  @Field(() => PolicyClauseEnum, { description: 'Which clause it is.' }) clause!: PolicyClause;
  @Field(() => Int, { description: 'Its number in the policy, from 1.' }) number!: number;
  @Field(() => String, { description: 'Its title.' }) title!: string;
  @Field(() => String, { description: "The clause's text." }) body!: string;
}

@ObjectType('PolicyChangeLogEntry', { description: 'One published version: every change is posted (clause 7).' })
export class PolicyChangeLogEntryType {
  @Field(() => Int, { description: "The version's number." }) number!: number;
  @Field(() => Date, { description: 'When it was published and took effect.' }) publishedAt!: Date;
  @Field(() => String, {
    description: "What the version changed, in the page's language, or in the other one when not written in it.",
  })
  changeSummary!: string;
  @Field(() => PolicyLanguageEnum, { description: 'The language changeSummary is written in (mark it with lang).' })
  changeSummaryLanguage!: PolicyLanguage;
}

@ObjectType('PublicPolicy', { description: 'The privacy policy in force as the public reads it, in one language.' })
export class PublicPolicyType {
  @Field(() => PolicyLanguageEnum, { description: 'The language it is written in.' }) language!: PolicyLanguage;
  @Field(() => String, { description: "The organisation's name in that language." }) organisationName!: string;
  @Field(() => Int, { description: "The version's number." }) number!: number;
  @Field(() => Date, { description: 'When the version was published and took effect.' }) publishedAt!: Date;
  @Field(() => String, { description: 'SHA-256 of the version; what consent receipts refer to.' }) contentHash!: string;
  @Field(() => [PublicPolicySectionType], { description: 'Its clauses, in order.' })
  sections!: PublicPolicySectionType[];
  @Field(() => PublicPolicySectionType, {
    nullable: true,
    description: 'Clause 5: the disclaimer for using the website.',
  })
  websiteUse!: PublicPolicySectionType | null;
  @Field(() => [PolicyChangeLogEntryType], { description: 'Every published version, newest first.' })
  changeLog!: PolicyChangeLogEntryType[];
  @Field(() => SecretariatContactType, { description: 'Where inquiries go (clause 8).' })
  secretariat!: SecretariatContactType;
}
