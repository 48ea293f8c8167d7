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
  @Field(() => ID) id!: string;
  @Field(() => DataCategoryEnum) category!: DataCategory;
  @Field(() => String) value!: string;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => CollectionChannelEnum) channel!: CollectionChannel;
  @Field(() => Date) collectedAt!: Date;
  @Field(() => ID, { nullable: true }) collectionId!: string | null;
  @Field(() => String, { nullable: true }) publicProvenance!: string | null;
}

@ObjectType('PersonalDataItem')
export class PersonalDataItemType extends DataItemBaseType {
  @Field(() => Boolean, { description: 'Already made public by the provider: listed, not managed (clause 3).' })
  publiclyAvailable!: boolean;
  @Field(() => Int) version!: number;
}

@ObjectType('Provider', { description: 'A person who gave the organisation personal information.' })
export class ProviderType {
  @Field(() => ID) id!: string;
  @Field(() => ProviderKindEnum) kind!: ProviderKind;
  @Field(() => String) reference!: string;
  @Field(() => String, { nullable: true, description: 'The most recent name on record.' }) displayName!: string | null;
  @Field(() => PolicyLanguageEnum, {
    description: 'The language of every document and message to the provider (disclosure packages, receipts).',
  })
  language!: ProviderLanguage;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  @Field(() => Int) version!: number;
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

@InputType()
export class ProviderFilter {
  @Field(() => ProviderKindEnum, { nullable: true }) kind?: ProviderKind | null;
  @Field(() => String, { nullable: true }) @MaxLength(64) purposeKey?: string | null;
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
