import type { ConsentAction, ConsentMethod, ConsentState } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConsentActionEnum, ConsentMethodEnum, ConsentStateEnum } from '../common/enums.js';
import { PurposeType } from '../purposes/purpose.type.js';

@ObjectType('ConsentEvent', { description: 'One recorded grant, refusal or withdrawal. Never edited.' })
export class ConsentEventType {
  @Field(() => ID) id!: string;
  @Field(() => PurposeType) purpose!: PurposeType;
  @Field(() => ConsentActionEnum) action!: ConsentAction;
  @Field(() => ConsentMethodEnum) method!: ConsentMethod;
  @Field(() => Int) policyVersion!: number;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => String) recordedBy!: string;
  @Field(() => ID, { nullable: true }) collectionId!: string | null;
  @Field(() => String, { nullable: true }) receiptId!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('PurposeConsent', { description: 'The current consent for one purpose, derived from the events.' })
export class PurposeConsentType {
  @Field(() => PurposeType) purpose!: PurposeType;
  @Field(() => ConsentStateEnum) state!: ConsentState;
  @Field(() => Date, { nullable: true }) since!: Date | null;
  @Field(() => Int, { nullable: true }) policyVersion!: number | null;
}
