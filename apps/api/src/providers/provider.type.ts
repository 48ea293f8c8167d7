import type {
  CollectionChannel,
  ConsentState,
  DataCategory,
  ProviderKind,
  ProviderLanguage,
} from '@steward/policy-core';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { SortInput } from '../common/sorting.js';
import { MaxLength } from 'class-validator';
import { CollectionChannelEnum, ConsentStateEnum, DataCategoryEnum, ProviderKindEnum } from '../common/enums.js';
import { PolicyLanguageEnum } from '../policy/policy-change.type.js';

/**
 * The fields every view of a personal data item shows: the staff's (PersonalDataItem) and the
 * provider's own, in a disclosure package (DisclosedDataItem). Not a GraphQL type of its own (nothing
 * returns it, so the schema leaves it out): each data item type extends it.
 */
@ObjectType()
export abstract class DataItemBaseType {
  @Field(() => ID, { description: "The item's id." }) id!: string;
  @Field(() => DataCategoryEnum, { description: "The item's data category." }) category!: DataCategory;
  @Field(() => String, { description: 'The value.' }) value!: string;
  @Field(() => String, { nullable: true, description: 'Where it came from; null if not said.' }) source!: string | null;
  @Field(() => CollectionChannelEnum, { description: 'How it was collected.' }) channel!: CollectionChannel;
  @Field(() => Date, { description: 'When it was collected.' }) collectedAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The collection it came with; null if entered otherwise.' })
  collectionId!: string | null;
  @Field(() => String, { nullable: true, description: 'Where the provider made it public; null if not public.' })
  publicProvenance!: string | null;
}

@ObjectType('PersonalDataItem', {
  description: 'One item of personal information held about a provider (decrypted for staff; reads are audited).',
})
export class PersonalDataItemType extends DataItemBaseType {
  @Field(() => Boolean, { description: 'Already made public by the provider: listed, not managed (clause 3).' })
  publiclyAvailable!: boolean;
  @Field(() => Int, { description: 'Its version, for optimistic locking: pass it as `expectedVersion`.' })
  version!: number;
}

@ObjectType('Provider', { description: 'A person who gave the organisation personal information.' })
export class ProviderType {
  @Field(() => ID, { description: "The provider's id." }) id!: string;
  @Field(() => ProviderKindEnum, { description: 'Who they are to the organisation.' }) kind!: ProviderKind;
  @Field(() => String, {
    description: "The organisation's own reference (e.g. a membership number); never shown to partners.",
  })
  reference!: string;
  @Field(() => String, { nullable: true, description: 'The most recent name on record.' }) displayName!: string | null;
  @Field(() => PolicyLanguageEnum, {
    description: 'The language of every document and message to the provider (disclosure packages, receipts).',
  })
  language!: ProviderLanguage;
  @Field(() => Date, { description: 'When the organisation first recorded them.' }) createdAt!: Date;
  @Field(() => Date, { description: 'When their record last changed.' }) updatedAt!: Date;
  @Field(() => Int, {
    description: 'Their version, for optimistic locking: pass it as an expected version when changing them.',
  })
  version!: number;
}

@ObjectType('ProviderOption', { description: 'A provider as a picker offers it: reference and name.' })
export class ProviderOptionType {
  @Field(() => ID, { description: 'The provider id (what a form sends).' }) id!: string;
  @Field(() => String, { description: "The organisation's reference for the provider." }) reference!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The most recent name on record (reading it is audited); null when there is none.',
  })
  displayName!: string | null;
}

export const ProviderConnection = Connection('Provider', ProviderType, { one: 'provider', many: 'providers' });
export type ProviderConnection = InstanceType<typeof ProviderConnection>;

export const ProviderSort = SortInput(
  'Provider',
  {
    CREATED: 'When the provider was first recorded (the default, newest first).',
    REFERENCE: "The organisation's reference (unique).",
  },
  'providers',
);
export type ProviderSort = InstanceType<typeof ProviderSort>;

@InputType({ description: 'Narrows the provider list; every field given must match.' })
export class ProviderFilter {
  @Field(() => ProviderKindEnum, { nullable: true, description: 'Only providers of this kind.' })
  kind?: ProviderKind | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Only providers with a consent state for this purpose of use (with consentState: that state); its key.',
  })
  @MaxLength(64)
  purposeKey?: string | null;
  @Field(() => ConsentStateEnum, { nullable: true, description: 'Requires purposeKey.' })
  consentState?: ConsentState | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Reference prefix, exact e-mail, or part of the name or its reading: whole Latin words, and kanji or kana with or without spaces (every character pair of the term must occur; one character finds every name containing it).',
  })
  @MaxLength(200)
  search?: string | null;
}
