import type { DataCategory } from '@steward/policy-core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { DataCategoryEnum } from '../common/enums.js';

/** Its `value` is a field resolver (partner.resolver.ts): opened, and recorded as provided, only when selected. */
@ObjectType('PartnerDataItem', { description: 'One value a permitted exception lets this partner receive.' })
export class PartnerDataItemType {
  @Field(() => DataCategoryEnum) category!: DataCategory;
}

@ObjectType('PartnerProvider', {
  description:
    "A provider as a partner sees it: only what its exceptions in effect permit. The id is the partner's handle; the organisation's own reference (e.g. a membership number) is not given.",
})
export class PartnerProviderType {
  @Field(() => ID) id!: string;
  @Field(() => [PartnerDataItemType]) items!: PartnerDataItemType[];
}

export const PartnerProviderConnection = Connection('PartnerProvider', PartnerProviderType, {
  one: 'provider in your reach',
  many: 'providers in your reach',
});
export type PartnerProviderConnection = InstanceType<typeof PartnerProviderConnection>;
