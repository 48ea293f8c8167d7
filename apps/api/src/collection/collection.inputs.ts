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

@InputType({ description: 'A provider to create at collection, when they are not yet on record.' })
export class NewProviderInput {
  @Field(() => ProviderKindEnum, { description: 'Who the provider is to the organisation.' }) kind!: ProviderKind;
  @Field(() => String, { nullable: true, description: 'Generated when omitted.' })
  @MaxLength(1000)
  reference?: string | null;
}

@InputType({ description: 'Whether the provider consented to one purpose stated at collection.' })
export class PurposeConsentInput {
  @Field(() => String, { description: "The purpose's key, from the policy version shown." })
  @MaxLength(1000)
  purposeKey!: string;
  @Field(() => Boolean, { description: 'True if they consented; false records a refusal.' }) granted!: boolean;
}

@InputType({ description: 'One item of personal information given at collection.' })
export class DataItemInput {
  @Field(() => DataCategoryEnum, { description: "The item's data category; a stated purpose must need it." })
  category!: DataCategory;
  @Extensions(MULTILINE)
  @Field(() => String, { description: 'The value (stored encrypted; several lines allowed for an address).' })
  @MaxLength(10_000)
  value!: string;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'True if the provider made it public themselves (clause 3).',
  })
  publiclyAvailable!: boolean;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description: 'Where the provider made it public; required when publiclyAvailable is true.',
  })
  @MaxLength(10_000)
  publicProvenance?: string | null;
}

@InputType({
  description:
    'A collection of personal information: from whom, how, under which policy version, for which purposes, and the items.',
})
export class RecordCollectionInput {
  @Field(() => NewProviderInput, { nullable: true, description: 'Exactly one of newProvider / providerId.' })
  @ValidateNested()
  newProvider?: NewProviderInput | null;

  @Field(() => ID, { nullable: true, description: 'An existing provider; give either this or newProvider.' })
  @MaxLength(100)
  providerId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required with providerId (optimistic lock).' })
  expectedProviderVersion?: number | null;

  @Field(() => CollectionChannelEnum, { description: 'How the information was collected.' })
  channel!: CollectionChannel;
  @Field(() => ConsentMethodEnum, { description: 'How consent was given.' }) consentMethod!: ConsentMethod;
  @Field(() => Int, {
    description: 'The number of the policy version shown to the provider; it must be the version in force.',
  })
  policyVersionShown!: number;

  @Field(() => PolicyLanguageEnum, {
    nullable: true,
    description:
      "The language the provider is written to in, from this receipt on (ja or en). A new provider without one gets the organisation's default language (Japanese); an existing provider keeps theirs unless one is given.",
  })
  language?: ProviderLanguage | null;

  @Field(() => [PurposeConsentInput], {
    description: 'Each purpose stated, with whether the provider consented (at least one).',
  })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  purposes!: PurposeConsentInput[];

  @Field(() => [DataItemInput], { description: 'The items given (at least one; at most 100).' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  items!: DataItemInput[];

  @Field(() => String, { nullable: true, description: "Where the information came from (e.g. an event's name)." })
  @MaxLength(10_000)
  source?: string | null;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'A free note (several lines allowed).' })
  @MaxLength(10_000)
  note?: string | null;
}
