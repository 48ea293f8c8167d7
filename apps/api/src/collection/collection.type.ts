import type { CollectionChannel, ConsentMethod, ConsentState, DataCategory } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CollectionChannelEnum, ConsentMethodEnum, ConsentStateEnum, DataCategoryEnum } from '../common/enums.js';
import { PurposeConsentType } from '../consent/consent.type.js';

@ObjectType('ReceiptPurpose', { description: 'A purpose of use as a consent receipt states it.' })
export class ReceiptPurposeType {
  @Field(() => String, { description: "The purpose's key." }) key!: string;
  @Field(() => String, { description: "Its title in the receipt's language." }) title!: string;
  @Field(() => [DataCategoryEnum], { description: 'The data categories it needs.' }) categories!: DataCategory[];
  @Field(() => ConsentStateEnum, { description: 'The consent given to it.' }) consent!: ConsentState;
}

@ObjectType('ConsentReceipt', {
  description: 'A consent receipt the provider can keep (in the spirit of the Kantara consent receipt).',
})
export class ConsentReceiptType {
  @Field(() => String, { description: "The receipt's id, which the provider quotes." }) receiptId!: string;
  @Field(() => String, { description: "The receipt's format (e.g. `steward.receipt/2`); older receipts keep theirs." })
  version!: string;
  @Field(() => Date, { description: 'When the receipt was issued.' }) issuedAt!: Date;
  @Field(() => String, { description: 'The jurisdiction whose law applies, as an ISO 3166 code (e.g. `JP`).' })
  jurisdiction!: string;
  @Field(() => String, { description: "The receipt's language, `ja` or `en` (the provider's)." }) language!: string;
  @Field(() => String, { description: "The organisation's name in the receipt's language." }) controllerName!: string;
  @Field(() => String, {
    description: "The organisation's secretariat in one line (name, e-mail, telephone), in the receipt's language.",
  })
  controllerContact!: string;
  @Field(() => Int, { description: 'The number of the privacy policy version shown.' }) policyVersion!: number;
  @Field(() => String, { description: 'SHA-256 of the policy text shown to the provider, in hex.' })
  policyContentHash!: string;
  @Field(() => String, { description: "The organisation's reference for the provider (never a personal value)." })
  subjectReference!: string;
  @Field(() => CollectionChannelEnum, { description: 'How the information was collected.' })
  channel!: CollectionChannel;
  @Field(() => ConsentMethodEnum, { description: 'How consent was given.' }) consentMethod!: ConsentMethod;
  @Field(() => [DataCategoryEnum], { description: 'The data categories collected.' }) categories!: DataCategory[];
  @Field(() => [ReceiptPurposeType], { description: 'Each purpose of use stated, with the consent given to it.' })
  purposes!: ReceiptPurposeType[];
  @Field(() => String, { description: 'SHA-256 of the canonical JSON below.' }) hash!: string;
  @Field(() => String, { description: 'Canonical JSON of the receipt; what `hash` covers.' }) json!: string;
}

@ObjectType('Collection', { description: 'One act of collecting personal information (clause 1).' })
export class CollectionType {
  @Field(() => ID, { description: "The collection's id." }) id!: string;
  @Field(() => CollectionChannelEnum, { description: 'How the information was collected.' })
  channel!: CollectionChannel;
  @Field(() => ConsentMethodEnum, { description: 'How consent was given at collection.' })
  consentMethod!: ConsentMethod;
  @Field(() => Date, { description: 'When the information was collected.' }) collectedAt!: Date;
  @Field(() => Int, { description: 'The number of the privacy policy version shown to the provider at collection.' })
  policyVersion!: number;
  @Field(() => String, {
    nullable: true,
    description: "Where the information came from (e.g. an event's name or a form); null if not said.",
  })
  source!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A free note by the member of staff who recorded it; null if none.',
  })
  note!: string | null;
  @Field(() => String, { description: 'The name of whoever recorded the collection (a member of staff, or a system).' })
  recordedBy!: string;
  @Field(() => [DataCategoryEnum], { description: 'The data categories given in this collection.' })
  categories!: DataCategory[];
  @Field(() => [PurposeConsentType], { description: 'The purposes specified, with the consent obtained then.' })
  purposes!: PurposeConsentType[];
  @Field(() => ConsentReceiptType, { description: 'The consent receipt issued for this collection.' })
  receipt!: ConsentReceiptType;
}
