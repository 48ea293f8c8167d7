import type { DataCategory } from '@steward/policy-core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { DataCategoryEnum } from '../common/enums.js';

/** Its `value` is a field resolver (partner.resolver.ts): opened, and recorded as provided, only when selected. */
@ObjectType('PartnerDataItem', { description: 'One value a permitted exception lets this partner receive.' })
export class PartnerDataItemType {
  @Field(() => DataCategoryEnum, { description: "The item's data category." }) category!: DataCategory;
}

@ObjectType('PartnerProvider', {
  description:
    "A provider as a partner sees it: only what its exceptions in effect permit. The id is the partner's handle; the organisation's own reference (e.g. a membership number) is not given.",
})
export class PartnerProviderType {
  @Field(() => ID, { description: 'Your handle for the provider (their Steward id): quote it to read them again.' })
  id!: string;
  @Field(() => [PartnerDataItemType], {
    description: 'The items your exceptions in effect let you receive; empty if none now.',
  })
  items!: PartnerDataItemType[];
}

export const PartnerProviderConnection = Connection('PartnerProvider', PartnerProviderType, {
  one: 'provider in your reach',
  many: 'providers in your reach',
});
export type PartnerProviderConnection = InstanceType<typeof PartnerProviderConnection>;
