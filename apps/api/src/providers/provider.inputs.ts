import type { ProviderKind, ProviderLanguage } from '@steward/policy-core';
import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { ProviderKindEnum } from '../common/enums.js';
import { PolicyLanguageEnum } from '../policy/policy-change.type.js';

@InputType({ description: "Changes a provider's kind or reference (their personal information changes by amendment)." })
export class UpdateProviderInput {
  @Field(() => ID, { description: 'The provider.' }) @MaxLength(100) id!: string;
  @Field(() => Int, { description: "The provider's `version` as read: a stale edit is refused with CONFLICT." })
  expectedVersion!: number;
  @Field(() => ProviderKindEnum, { nullable: true, description: 'The new kind; null keeps it.' })
  kind?: ProviderKind | null;
  @Field(() => String, { nullable: true, description: 'The new reference; null keeps it.' })
  @MaxLength(1000)
  reference?: string | null;
  @Field(() => PolicyLanguageEnum, {
    nullable: true,
    description: 'The language to write to the provider in from now on; unchanged when omitted.',
  })
  language?: ProviderLanguage | null;
}

@InputType({ description: 'Marks an item as made public by the provider, or not (clause 3).' })
export class SetDataItemPublicInput {
  @Field(() => ID, { description: 'The item.' }) @MaxLength(100) itemId!: string;
  @Field(() => Int, { description: "The item's `version` as read: a stale change is refused with CONFLICT." })
  expectedVersion!: number;
  @Field(() => Boolean, { description: 'True if the provider made it public themselves.' }) publiclyAvailable!: boolean;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description: 'Where the provider made it public; required when publiclyAvailable is true.',
  })
  @MaxLength(10_000)
  publicProvenance?: string | null;
}
