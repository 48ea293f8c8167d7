import type { CollectionChannel, ConsentMethod, ConsentState, DataCategory } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CollectionChannelEnum, ConsentMethodEnum, ConsentStateEnum, DataCategoryEnum } from '../common/enums.js';
import { PurposeConsentType } from '../consent/consent.type.js';

@ObjectType('ReceiptPurpose')
export class ReceiptPurposeType {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => [DataCategoryEnum]) categories!: DataCategory[];
  @Field(() => ConsentStateEnum) consent!: ConsentState;
}

@ObjectType('ConsentReceipt', {
  description: 'A consent receipt the provider can keep (in the spirit of the Kantara consent receipt).',
})
export class ConsentReceiptType {
  @Field(() => String) receiptId!: string;
  @Field(() => String) version!: string;
  @Field(() => Date) issuedAt!: Date;
  @Field(() => String) jurisdiction!: string;
  @Field(() => String) language!: string;
  @Field(() => String) controllerName!: string;
  @Field(() => String) controllerContact!: string;
  @Field(() => Int) policyVersion!: number;
  @Field(() => String) policyContentHash!: string;
  @Field(() => String) subjectReference!: string;
  @Field(() => CollectionChannelEnum) channel!: CollectionChannel;
  @Field(() => ConsentMethodEnum) consentMethod!: ConsentMethod;
  @Field(() => [DataCategoryEnum]) categories!: DataCategory[];
  @Field(() => [ReceiptPurposeType]) purposes!: ReceiptPurposeType[];
  @Field(() => String, { description: 'SHA-256 of the canonical JSON below.' }) hash!: string;
  @Field(() => String, { description: 'Canonical JSON of the receipt; what `hash` covers.' }) json!: string;
}

@ObjectType('Collection', { description: 'One act of collecting personal information (clause 1).' })
export class CollectionType {
  @Field(() => ID) id!: string;
  @Field(() => CollectionChannelEnum) channel!: CollectionChannel;
  @Field(() => ConsentMethodEnum) consentMethod!: ConsentMethod;
  @Field(() => Date) collectedAt!: Date;
  @Field(() => Int) policyVersion!: number;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String) recordedBy!: string;
  @Field(() => [DataCategoryEnum]) categories!: DataCategory[];
  @Field(() => [PurposeConsentType], { description: 'The purposes specified, with the consent obtained then.' })
  purposes!: PurposeConsentType[];
  @Field(() => ConsentReceiptType) receipt!: ConsentReceiptType;
}
