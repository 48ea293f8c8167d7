import type { DataCategory, PolicyClause } from '@steward/policy-core';
import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { DataCategoryEnum, PolicyClauseEnum } from '../common/enums.js';

// class-validator only bounds sizes (cheap rejection before any work, a little above policy-core's
// limits so that the precise issue comes from validatePolicyDraft); the rules are policy-core's.

@InputType({ description: 'One clause of a policy version, in Japanese and English.' })
export class PolicySectionInput {
  @Field(() => PolicyClauseEnum) clause!: PolicyClause;
  @Field(() => String) @MaxLength(1000) titleJa!: string;
  @Field(() => String) @MaxLength(1000) titleEn!: string;
  @Extensions(MULTILINE) @Field(() => String) @MaxLength(40_000) bodyJa!: string;
  @Extensions(MULTILINE) @Field(() => String) @MaxLength(40_000) bodyEn!: string;
}

@InputType({
  description: 'A purpose of use as the new version states it; retire a purpose rather than leaving it out.',
})
export class PolicyPurposeInput {
  @Field(() => String) @MaxLength(200) key!: string;
  @Field(() => String) @MaxLength(1000) titleJa!: string;
  @Field(() => String) @MaxLength(1000) titleEn!: string;
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
  @Field(() => [DataCategoryEnum]) @ArrayMaxSize(50) categories!: DataCategory[];
  @Field(() => Boolean, { defaultValue: false }) retired!: boolean;
}

@InputType({ description: 'Replaces the whole draft: every clause, the change summary and the purposes of use.' })
export class UpdatePolicyDraftInput {
  @Field(() => ID) @MaxLength(100) id!: string;
  @Field(() => Int) expectedVersion!: number;
  @Extensions(MULTILINE)
  @Field(() => String, { description: 'What this version changes, in Japanese (required to save).' })
  @MaxLength(10_000)
  changeSummaryJa!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { description: 'What this version changes, in English (required to save).' })
  @MaxLength(10_000)
  changeSummaryEn!: string;
  @Field(() => [PolicySectionInput]) @ArrayMaxSize(20) @ValidateNested() sections!: PolicySectionInput[];
  @Field(() => [PolicyPurposeInput]) @ArrayMaxSize(200) @ValidateNested() purposes!: PolicyPurposeInput[];
}
