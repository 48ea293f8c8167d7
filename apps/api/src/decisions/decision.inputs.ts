import type { DataCategory, DecisionAction } from '@steward/policy-core';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DataCategoryEnum, DecisionActionEnum } from '../common/enums.js';

@InputType({ description: 'May this use these categories of this provider for this purpose, or provide them to this recipient?' })
export class DecisionRequestInput {
  @Field(() => DecisionActionEnum) action!: DecisionAction;
  @Field(() => ID) @MaxLength(100) providerId!: string;
  @Field(() => String) @MaxLength(1000) purposeKey!: string;
  @Field(() => [DataCategoryEnum]) @ArrayMaxSize(20) categories!: DataCategory[];
  @Field(() => ID, { nullable: true, description: 'Required to PROVIDE; absent to USE.' }) @MaxLength(100) recipientId?: string | null;
}
