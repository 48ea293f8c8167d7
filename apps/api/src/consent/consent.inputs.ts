import type { ConsentAction, ConsentMethod } from '@steward/policy-core';
import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { ConsentActionEnum, ConsentMethodEnum } from '../common/enums.js';

@InputType({ description: 'A later grant, refusal or withdrawal of consent to one purpose.' })
export class RecordConsentInput {
  @Field(() => ID, { description: 'The provider.' }) @MaxLength(100) providerId!: string;
  @Field(() => String, { description: "The purpose's key." }) @MaxLength(1000) purposeKey!: string;
  @Field(() => ConsentActionEnum, { description: 'Grant, refuse or withdraw.' }) action!: ConsentAction;
  @Field(() => ConsentMethodEnum, { description: 'How the provider gave it.' }) method!: ConsentMethod;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'A free note (several lines allowed).' })
  @MaxLength(10_000)
  note?: string | null;
  @Field(() => Int, { description: "The provider's `version` as read: a stale change is refused with CONFLICT." })
  expectedProviderVersion!: number;
}
