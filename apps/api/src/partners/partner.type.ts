import type { DataCategory } from '@steward/policy-core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DataCategoryEnum } from '../common/enums.js';
import { PageInfo } from '../common/pagination.js';

@ObjectType('PartnerDataItem', { description: 'One value a permitted exception lets this partner receive.' })
export class PartnerDataItemType {
  @Field(() => DataCategoryEnum) category!: DataCategory;
  @Field(() => String) value!: string;
}

@ObjectType('PartnerProvider', {
  description:
    "A provider as a partner sees it: only what its exceptions in effect permit. The id is the partner's handle; the organisation's own reference (e.g. a membership number) is not given.",
})
export class PartnerProviderType {
  @Field(() => ID) id!: string;
  @Field(() => [PartnerDataItemType]) items!: PartnerDataItemType[];
}

@ObjectType('PartnerProviderEdge')
export class PartnerProviderEdge {
  @Field(() => String) cursor!: string;
  @Field(() => PartnerProviderType) node!: PartnerProviderType;
}

@ObjectType('PartnerProviderConnection')
export class PartnerProviderConnection {
  @Field(() => [PartnerProviderEdge]) edges!: PartnerProviderEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
