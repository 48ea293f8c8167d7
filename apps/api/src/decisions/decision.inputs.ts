import type { DataCategory, DecisionAction } from '@steward/policy-core';
import { Field, ID, InputType } from 'type-graphql';
import { DataCategoryEnum, DecisionActionEnum } from '../common/enums.js';

// Skips class-validator (the resolver passes `validate: false`: a decision is taken per use or
// hand-over and the validator cost more than its checks, bench/README.md); the bounds below are
// checked by DECISION_INPUT_BOUNDS in decision.service.ts before anything else.
@InputType({
  description: 'May this use these categories of this provider for this purpose, or provide them to this recipient?',
})
export class DecisionRequestInput {
  @Field(() => DecisionActionEnum) action!: DecisionAction;
  @Field(() => ID) providerId!: string;
  @Field(() => String) purposeKey!: string;
  @Field(() => [DataCategoryEnum], { description: 'At most 20.' }) categories!: DataCategory[];
  @Field(() => ID, { nullable: true, description: 'Required to PROVIDE; absent to USE.' }) recipientId?: string | null;
}
