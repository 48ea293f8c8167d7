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
  @Extensions(MULTILINE) @Field(() => String) @MaxLength(10_000) description!: string;
  @Field(() => [DataCategoryEnum]) @ArrayMaxSize(50) categories!: DataCategory[];
  @Field(() => Boolean, { defaultValue: false }) retired!: boolean;
}

@InputType({ description: 'Replaces the whole draft: every clause, the change summary and the purposes of use.' })
export class UpdatePolicyDraftInput {
  @Field(() => ID) @MaxLength(100) id!: string;
  @Field(() => Int) expectedVersion!: number;
  @Extensions(MULTILINE) @Field(() => String) @MaxLength(10_000) changeSummary!: string;
  @Field(() => [PolicySectionInput]) @ArrayMaxSize(20) @ValidateNested() sections!: PolicySectionInput[];
  @Field(() => [PolicyPurposeInput]) @ArrayMaxSize(200) @ValidateNested() purposes!: PolicyPurposeInput[];
}
