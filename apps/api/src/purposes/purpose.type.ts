import type { DataCategory, Sensitivity } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataCategoryEnum, SensitivityEnum } from '../common/enums.js';

@ObjectType('DataCategoryInfo')
export class DataCategoryInfoType {
  @Field(() => DataCategoryEnum) key!: DataCategory;
  @Field(() => String) labelEn!: string;
  @Field(() => String) labelJa!: string;
  @Field(() => String) description!: string;
  @Field(() => SensitivityEnum) sensitivity!: Sensitivity;
}

@ObjectType('Purpose', { description: 'A purpose of use stated to providers at collection (clauses 1 and 2).' })
export class PurposeType {
  @Field(() => ID) id!: string;
  @Field(() => String) key!: string;
  @Field(() => String) titleEn!: string;
  @Field(() => String) titleJa!: string;
  @Field(() => String, { description: 'What the purpose is for, in English.' }) description!: string;
  @Field(() => String, { description: 'What the purpose is for, in Japanese; empty when not written in Japanese.' })
  descriptionJa!: string;
  @Field(() => [DataCategoryEnum]) categories!: DataCategory[];
  @Field(() => Int) introducedInVersion!: number;
  @Field(() => Boolean) retired!: boolean;
}
