import type { ProviderKind, ProviderLanguage } from '@steward/policy-core';
import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { ProviderKindEnum } from '../common/enums.js';
import { PolicyLanguageEnum } from '../policy/policy-change.type.js';

@InputType()
export class UpdateProviderInput {
  @Field(() => ID) @MaxLength(100) id!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => ProviderKindEnum, { nullable: true }) kind?: ProviderKind | null;
  @Field(() => String, { nullable: true }) @MaxLength(1000) reference?: string | null;
  @Field(() => PolicyLanguageEnum, {
    nullable: true,
    description: 'The language to write to the provider in from now on; unchanged when omitted.',
  })
  language?: ProviderLanguage | null;
}

@InputType()
export class SetDataItemPublicInput {
  @Field(() => ID) @MaxLength(100) itemId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => Boolean) publiclyAvailable!: boolean;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(10_000) publicProvenance?: string | null;
}
