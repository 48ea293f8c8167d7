import type {
  CollectionChannel,
  ConsentMethod,
  DataCategory,
  ProviderKind,
  ProviderLanguage,
} from '@steward/policy-core';
import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { CollectionChannelEnum, ConsentMethodEnum, DataCategoryEnum, ProviderKindEnum } from '../common/enums.js';
import { PolicyLanguageEnum } from '../policy/policy-change.type.js';

// class-validator only bounds sizes here (cheap rejection of oversized payloads before any work);
// the privacy rules themselves are policy-core's validateCollection.

@InputType()
export class NewProviderInput {
  @Field(() => ProviderKindEnum) kind!: ProviderKind;
  @Field(() => String, { nullable: true, description: 'Generated when omitted.' })
  @MaxLength(1000)
  reference?: string | null;
}

@InputType()
export class PurposeConsentInput {
  @Field(() => String) @MaxLength(1000) purposeKey!: string;
  @Field(() => Boolean) granted!: boolean;
}

@InputType()
export class DataItemInput {
  @Field(() => DataCategoryEnum) category!: DataCategory;
  @Extensions(MULTILINE) @Field(() => String) @MaxLength(10_000) value!: string;
  @Field(() => Boolean, { defaultValue: false }) publiclyAvailable!: boolean;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(10_000) publicProvenance?: string | null;
}

@InputType()
export class RecordCollectionInput {
  @Field(() => NewProviderInput, { nullable: true, description: 'Exactly one of newProvider / providerId.' })
  @ValidateNested()
  newProvider?: NewProviderInput | null;

  @Field(() => ID, { nullable: true }) @MaxLength(100) providerId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required with providerId (optimistic lock).' })
  expectedProviderVersion?: number | null;

  @Field(() => CollectionChannelEnum) channel!: CollectionChannel;
  @Field(() => ConsentMethodEnum) consentMethod!: ConsentMethod;
  @Field(() => Int) policyVersionShown!: number;

  @Field(() => PolicyLanguageEnum, {
    nullable: true,
    description:
      "The language the provider is written to in, from this receipt on (ja or en). A new provider without one gets the organisation's default language (Japanese); an existing provider keeps theirs unless one is given.",
  })
  language?: ProviderLanguage | null;

  @Field(() => [PurposeConsentInput])
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  purposes!: PurposeConsentInput[];

  @Field(() => [DataItemInput])
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  items!: DataItemInput[];

  @Field(() => String, { nullable: true }) @MaxLength(10_000) source?: string | null;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(10_000) note?: string | null;
}
