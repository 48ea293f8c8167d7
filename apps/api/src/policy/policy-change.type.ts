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
import { ConsentStateEnum, DataCategoryEnum, PolicyClauseEnum, ProviderKindEnum } from '../common/enums.js';
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
registerEnumType(PolicyLanguageEnum, { name: 'PolicyLanguage', description: 'A language the policy is published in.' });
registerEnumType(DiffLineKindEnum, { name: 'DiffLineKind' });
registerEnumType(SectionChangeEnum, { name: 'SectionChange' });
registerEnumType(PurposeImpactChangeEnum, { name: 'PurposeImpactChange' });
registerEnumType(LackingReasonEnum, { name: 'LackingReason' });

@ObjectType('DiffLine')
export class DiffLineType {
  @Field(() => DiffLineKindEnum) kind!: keyof typeof DiffLineKindEnum;
  @Field(() => String) text!: string;
  @Field(() => Int, { nullable: true, description: 'Line in the older text (1-based); null for added lines.' })
  oldLine!: number | null;
  @Field(() => Int, { nullable: true, description: 'Line in the newer text (1-based); null for removed lines.' })
  newLine!: number | null;
}

@ObjectType('SectionDiff', { description: "One clause's text in one language, the title being its first line." })
export class SectionDiffType {
  @Field(() => PolicyClauseEnum) clause!: PolicyClause;
  @Field(() => Int) number!: number;
  @Field(() => PolicyLanguageEnum) language!: PolicyLanguage;
  @Field(() => SectionChangeEnum) change!: keyof typeof SectionChangeEnum;
  @Field(() => Int) added!: number;
  @Field(() => Int) removed!: number;
  @Field(() => [DiffLineType]) lines!: DiffLineType[];
}

@ObjectType('PurposeCategoryChange')
export class PurposeCategoryChangeType {
  @Field(() => String) key!: string;
  @Field(() => [DataCategoryEnum]) categories!: DataCategory[];
}

@ObjectType('PurposeChanges', { description: 'What a version changes about the purposes of use.' })
export class PurposeChangesType {
  @Field(() => [String]) added!: string[];
  @Field(() => [PurposeCategoryChangeType], {
    description: 'Purposes that now need more categories (the added ones listed).',
  })
  widened!: PurposeCategoryChangeType[];
  @Field(() => [PurposeCategoryChangeType], {
    description: 'Purposes that need fewer categories (the removed ones listed).',
  })
  narrowed!: PurposeCategoryChangeType[];
  @Field(() => [String]) retired!: string[];
}

@ObjectType('PolicyDiff')
export class PolicyDiffType {
  @Field(() => PolicyVersionType, {
    nullable: true,
    description: 'The version compared against: the one in force for a draft, the one before for a published version.',
  })
  base!: PolicyVersionType | null;
  @Field(() => PolicyVersionType) version!: PolicyVersionType;
  @Field(() => [SectionDiffType]) sections!: SectionDiffType[];
  @Field(() => PurposeChangesType) purposeChanges!: PurposeChangesType;
}

@ObjectType('PurposeImpact', { description: 'Consent to one added or widened purpose under the new version.' })
export class PurposeImpactType {
  @Field(() => String) key!: string;
  @Field(() => PurposeImpactChangeEnum) change!: keyof typeof PurposeImpactChangeEnum;
  @Field(() => [DataCategoryEnum], { description: 'ADDED: every category it needs; WIDENED: the new ones.' })
  addedCategories!: DataCategory[];
  @Field(() => Int, { description: 'Providers whose consent already covers the new version.' }) covered!: number;
  @Field(() => Int, { description: 'Providers who must be asked (again).' }) lacking!: number;
  @Field(() => Int) notAsked!: number;
  @Field(() => Int, { description: 'Granted, but under an earlier version (fewer categories or another purpose).' })
  grantedBeforeVersion!: number;
  @Field(() => Int) refused!: number;
  @Field(() => Int) withdrawn!: number;
}

@ObjectType('PolicyImpact', {
  description: "Who must be asked for consent again because of a version (policy-core's reconsentImpact rule).",
})
export class PolicyImpactType {
  @Field(() => Int) nextVersion!: number;
  @Field(() => Int) providers!: number;
  @Field(() => Int, { description: 'Providers lacking consent for at least one affected purpose.' })
  providersToAsk!: number;
  @Field(() => Int, { description: '(provider, purpose) pairs lacking consent.' }) consentsMissing!: number;
  @Field(() => PurposeChangesType) purposeChanges!: PurposeChangesType;
  @Field(() => [PurposeImpactType], { description: 'Added purposes, then widened ones.' })
  purposes!: PurposeImpactType[];
}

@ObjectType('LackingConsent', {
  description: 'A provider who must be asked for consent to a purpose; references only, no personal values.',
})
export class LackingConsentType {
  @Field(() => String) providerId!: string;
  @Field(() => String) reference!: string;
  @Field(() => ProviderKindEnum) kind!: ProviderKind;
  @Field(() => ConsentStateEnum) state!: ConsentState;
  @Field(() => Int, { nullable: true }) policyVersion!: number | null;
  @Field(() => LackingReasonEnum) reason!: LackingReason;
  @Field(() => String) message!: string;
}

export const LackingConsentConnection = Connection('LackingConsent', LackingConsentType, {
  one: 'provider lacking consent',
  many: 'providers lacking consent',
});
export type LackingConsentConnection = InstanceType<typeof LackingConsentConnection>;

@ObjectType('PublicPolicySection')
export class PublicPolicySectionType {
  @Field(() => PolicyClauseEnum) clause!: PolicyClause;
  @Field(() => Int) number!: number;
  @Field(() => String) title!: string;
  @Field(() => String) body!: string;
}

@ObjectType('PolicyChangeLogEntry', { description: 'One published version: every change is posted (clause 7).' })
export class PolicyChangeLogEntryType {
  @Field(() => Int) number!: number;
  @Field(() => Date) publishedAt!: Date;
  @Field(() => String, {
    description: "What the version changed, in the page's language, or in the other one when not written in it.",
  })
  changeSummary!: string;
  @Field(() => PolicyLanguageEnum, { description: 'The language changeSummary is written in (mark it with lang).' })
  changeSummaryLanguage!: PolicyLanguage;
}

@ObjectType('PublicPolicy', { description: 'The privacy policy in force as the public reads it, in one language.' })
export class PublicPolicyType {
  @Field(() => PolicyLanguageEnum) language!: PolicyLanguage;
  @Field(() => String) organisationName!: string;
  @Field(() => Int) number!: number;
  @Field(() => Date) publishedAt!: Date;
  @Field(() => String, { description: 'SHA-256 of the version; what consent receipts refer to.' }) contentHash!: string;
  @Field(() => [PublicPolicySectionType]) sections!: PublicPolicySectionType[];
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
