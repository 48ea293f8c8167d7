import type { ConsentAction, ConsentMethod, ConsentState } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConsentActionEnum, ConsentMethodEnum, ConsentStateEnum } from '../common/enums.js';
import { PurposeType } from '../purposes/purpose.type.js';

@ObjectType('ConsentEvent', { description: 'One recorded grant, refusal or withdrawal. Never edited.' })
export class ConsentEventType {
  @Field(() => ID, { description: "The event's id (an exception's evidence may cite it)." }) id!: string;
  @Field(() => PurposeType, { description: 'The purpose of use the event is about.' }) purpose!: PurposeType;
  @Field(() => ConsentActionEnum, { description: 'Whether consent was granted, refused or withdrawn.' })
  action!: ConsentAction;
  @Field(() => ConsentMethodEnum, { description: 'How the consent was given or withdrawn.' }) method!: ConsentMethod;
  @Field(() => Int, {
    description:
      "The privacy policy version in force when it happened; a grant under an older version than a purpose's change must be asked again.",
  })
  policyVersion!: number;
  @Field(() => Date, { description: 'When the provider gave, refused or withdrew consent.' }) occurredAt!: Date;
  @Field(() => String, { description: 'The name of whoever recorded the event.' }) recordedBy!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The collection the event was recorded with; null for a later change of consent.',
  })
  collectionId!: string | null;
  @Field(() => String, { nullable: true, description: 'The consent receipt issued with it; null when none was.' })
  receiptId!: string | null;
  @Field(() => String, { nullable: true, description: 'A free note by whoever recorded it; null if none.' }) note!:
    string | null;
}

@ObjectType('PurposeConsent', { description: 'The current consent for one purpose, derived from the events.' })
export class PurposeConsentType {
  @Field(() => PurposeType, { description: 'The purpose of use.' }) purpose!: PurposeType;
  @Field(() => ConsentStateEnum, { description: 'The consent now.' }) state!: ConsentState;
  @Field(() => Date, { nullable: true, description: 'When the consent reached this state; null if never asked.' })
  since!: Date | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The policy version of the event that set this state; null if never asked.',
  })
  policyVersion!: number | null;
}
