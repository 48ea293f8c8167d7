import type { ConsentAction, ConsentMethod } from '@steward/policy-core';
import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { ConsentActionEnum, ConsentMethodEnum } from '../common/enums.js';

@InputType()
export class RecordConsentInput {
  @Field(() => ID) @MaxLength(100) providerId!: string;
  @Field(() => String) @MaxLength(1000) purposeKey!: string;
  @Field(() => ConsentActionEnum) action!: ConsentAction;
  @Field(() => ConsentMethodEnum) method!: ConsentMethod;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(10_000) note?: string | null;
  @Field(() => Int) expectedProviderVersion!: number;
}
