import type { DataCategory, PolicyClause } from '@steward/policy-core';
import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { DataCategoryEnum, PolicyClauseEnum } from '../common/enums.js';

// class-validator only bounds sizes (cheap rejection before any work, a little above policy-core's
// limits so that the precise issue comes from validatePolicyDraft); the rules are policy-core's.

@InputType({ description: 'One clause of a policy version, in Japanese and English.' })
export class PolicySectionInput {
  @Field(() => PolicyClauseEnum, { description: 'Which clause it is; each clause once, in order.' })
  clause!: PolicyClause;
  @Field(() => String, { description: 'Its title in Japanese.' }) @MaxLength(1000) titleJa!: string;
  @Field(() => String, { description: 'Its title in English.' }) @MaxLength(1000) titleEn!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { description: "The clause's text in Japanese (several lines)." })
  @MaxLength(40_000)
  bodyJa!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { description: "The clause's text in English (several lines)." })
  @MaxLength(40_000)
  bodyEn!: string;
}

@InputType({
  description: 'A purpose of use as the new version states it; retire a purpose rather than leaving it out.',
})
export class PolicyPurposeInput {
  @Field(() => String, {
    description: 'Its stable key: lower-case letters, digits and hyphens; keep the key to keep the purpose.',
  })
  @MaxLength(200)
  key!: string;
  @Field(() => String, { description: 'Its title in Japanese.' }) @MaxLength(1000) titleJa!: string;
  @Field(() => String, { description: 'Its title in English.' }) @MaxLength(1000) titleEn!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { description: 'What the purpose is for, in English.' })
  @MaxLength(10_000)
  description!: string;
  @Extensions(MULTILINE)
  @Field(() => String, {
    defaultValue: '',
    description: 'What the purpose is for, in Japanese; empty: Japanese readers see the English one.',
  })
  @MaxLength(10_000)
  descriptionJa!: string;
  @Field(() => [DataCategoryEnum], { description: 'The data categories it needs; widening them asks consent again.' })
  @ArrayMaxSize(50)
  categories!: DataCategory[];
  @Field(() => Boolean, { defaultValue: false, description: 'True to retire it.' }) retired!: boolean;
}

@InputType({ description: 'Replaces the whole draft: every clause, the change summary and the purposes of use.' })
export class UpdatePolicyDraftInput {
  @Field(() => ID, { description: 'The draft.' }) @MaxLength(100) id!: string;
  @Field(() => Int, { description: "The draft's `version` as read: a stale edit is refused with CONFLICT." })
  expectedVersion!: number;
  @Extensions(MULTILINE)
  @Field(() => String, { description: 'What this version changes, in Japanese (required to save).' })
  @MaxLength(10_000)
  changeSummaryJa!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { description: 'What this version changes, in English (required to save).' })
  @MaxLength(10_000)
  changeSummaryEn!: string;
  @Field(() => [PolicySectionInput], { description: 'Every clause, in order.' })
  @ArrayMaxSize(20)
  @ValidateNested()
  sections!: PolicySectionInput[];
  @Field(() => [PolicyPurposeInput], { description: 'Every purpose of use the version states.' })
  @ArrayMaxSize(200)
  @ValidateNested()
  purposes!: PolicyPurposeInput[];
}

@InputType({ description: 'Which draft to discard, as read.' })
export class DiscardPolicyDraftInput {
  @Field(() => ID, { description: 'The draft policy version to delete.' }) id!: string;
  @Field(() => Int, {
    description: "The draft's `version` as read: if someone changed it since, nothing is deleted (CONFLICT).",
  })
  expectedVersion!: number;
}

@InputType({ description: 'Which draft to publish, as read, with its number repeated as a confirmation.' })
export class PublishPolicyVersionInput {
  @Field(() => ID, { description: 'The draft policy version to publish.' }) id!: string;
  @Field(() => Int, {
    description: "The draft's `version` as read: if someone changed it since, nothing is published (CONFLICT).",
  })
  expectedVersion!: number;
  @Field(() => Int, {
    description:
      'The number the new version will have (the one after the version in force), typed again by the person publishing.',
  })
  confirmNumber!: number;
}
