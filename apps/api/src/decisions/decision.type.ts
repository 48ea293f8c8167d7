import type { DataCategory, DecisionReasonCode, ExceptionKind } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataCategoryEnum, DecisionBasisKindEnum, DecisionReasonCodeEnum, ExceptionKindEnum } from '../common/enums.js';

@ObjectType('DecisionBasis', { description: 'What allows the use: the stated purpose with consent, public data, or one permitted exception.' })
export class DecisionBasisType {
  @Field(() => DecisionBasisKindEnum) kind!: 'CONSENT' | 'PUBLICLY_AVAILABLE' | 'EXCEPTION';
  @Field(() => ID, { nullable: true }) exceptionId!: string | null;
  @Field(() => ExceptionKindEnum, { nullable: true }) exceptionKind!: ExceptionKind | null;
}

@ObjectType('DecisionReason')
export class DecisionReasonType {
  @Field(() => DecisionReasonCodeEnum) code!: DecisionReasonCode;
  @Field(() => String) message!: string;
  @Field(() => DataCategoryEnum, { nullable: true }) category!: DataCategory | null;
  @Field(() => ID, { nullable: true }) exceptionId!: string | null;
}

@ObjectType('Decision', { description: 'A decision Steward took, explained and recorded in the ledger (allowed or denied).' })
export class DecisionType {
  @Field(() => Boolean) allowed!: boolean;
  @Field(() => DecisionBasisType, { nullable: true }) basis!: DecisionBasisType | null;
  @Field(() => [DataCategoryEnum]) permitted!: DataCategory[];
  @Field(() => [DataCategoryEnum]) refused!: DataCategory[];
  @Field(() => [DecisionReasonType]) reasons!: DecisionReasonType[];
  @Field(() => Int, { description: 'The policy version in force when it was decided.' }) policyVersion!: number;
  @Field(() => Date) decidedAt!: Date;
  @Field(() => Int, { description: 'Where it stands in the ledger.' }) ledgerSequence!: number;
}
