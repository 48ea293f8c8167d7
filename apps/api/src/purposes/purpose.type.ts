import type { DataCategory, Sensitivity } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataCategoryEnum, SensitivityEnum } from '../common/enums.js';

@ObjectType('DataCategoryInfo', {
  description: "A data category with its labels and sensitivity (policy-core's vocabulary).",
})
export class DataCategoryInfoType {
  @Field(() => DataCategoryEnum, { description: 'The category.' }) key!: DataCategory;
  @Field(() => String, { description: 'Its English label.' }) labelEn!: string;
  @Field(() => String, { description: 'Its Japanese label.' }) labelJa!: string;
  @Field(() => String, { description: 'What the category holds, in English.' }) description!: string;
  @Field(() => SensitivityEnum, { description: 'How much harm a leak of it could do.' }) sensitivity!: Sensitivity;
}

@ObjectType('Purpose', { description: 'A purpose of use stated to providers at collection (clauses 1 and 2).' })
export class PurposeType {
  @Field(() => ID, { description: "The purpose's id." }) id!: string;
  @Field(() => String, { description: 'Its stable key, which consents, exceptions and decisions cite.' }) key!: string;
  @Field(() => String, { description: 'Its title in English.' }) titleEn!: string;
  @Field(() => String, { description: 'Its title in Japanese.' }) titleJa!: string;
  @Field(() => String, { description: 'What the purpose is for, in English.' }) description!: string;
  @Field(() => String, { description: 'What the purpose is for, in Japanese; empty when not written in Japanese.' })
  descriptionJa!: string;
  @Field(() => [DataCategoryEnum], {
    description: 'The data categories it needs, as the version in force states them.',
  })
  categories!: DataCategory[];
  @Field(() => Int, { description: 'The policy version that first stated it.' }) introducedInVersion!: number;
  @Field(() => Boolean, { description: 'True once a version retired it: no new use for it.' }) retired!: boolean;
}
