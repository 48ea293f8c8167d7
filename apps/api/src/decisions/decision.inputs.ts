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
  @Field(() => DecisionActionEnum, { description: 'USE inside the organisation, or PROVIDE to a recipient.' })
  action!: DecisionAction;
  @Field(() => ID, { description: 'The provider whose data would be used or provided.' }) providerId!: string;
  @Field(() => String, {
    description:
      'The purpose of use (its key, e.g. `membership-admin`); a key the policy does not state can be allowed only by an exception.',
  })
  purposeKey!: string;
  @Field(() => [DataCategoryEnum], { description: 'At most 20.' }) categories!: DataCategory[];
  @Field(() => ID, { nullable: true, description: 'Required to PROVIDE; absent to USE.' }) recipientId?: string | null;
}
