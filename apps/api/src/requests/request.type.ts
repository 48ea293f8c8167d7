import type {
  ProviderLanguage,
  CollectionChannel,
  ConsentAction,
  ConsentMethod,
  ConsentState,
  DataCategory,
  DecisionAction,
  ProviderKind,
  RequestChannel,
  RequestKind,
  RequestStatus,
  RequestUrgency,
  VerificationMethod,
} from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { SortInput } from '../common/sorting.js';
import {
  CollectionChannelEnum,
  ConsentActionEnum,
  ConsentMethodEnum,
  ConsentStateEnum,
  DataCategoryEnum,
  DecisionActionEnum,
  ProviderKindEnum,
} from '../common/enums.js';
import { LedgerEntryType } from '../ledger/ledger-explorer.type.js';
import { PolicyLanguageEnum } from '../policy/policy-change.type.js';
import { DataItemBaseType } from '../providers/provider.type.js';
import type { DataItemChangeAction } from './data-item-change.entity.js';
import {
  DataItemChangeActionEnum,
  RequestChannelEnum,
  RequestKindEnum,
  RequestStatusEnum,
  RequestUrgencyEnum,
  ResponsePeriodUnitEnum,
  VerificationMethodEnum,
} from './request-enums.js';

@ObjectType('RequestSettings', {
  description: "The response period for provider requests (clause 4) and the organisation's calendar it is counted in.",
})
export class RequestSettingsType {
  @Field(() => Int, { description: 'Days to answer a request (0–365), counted from the day after receipt.' })
  responsePeriodDays!: number;
  @Field(() => ResponsePeriodUnitEnum, { description: 'Whether the period counts calendar days or business days.' })
  unit!: 'CALENDAR_DAYS' | 'BUSINESS_DAYS';
  @Field(() => String, {
    description:
      "The organisation's IANA time zone (e.g. Asia/Tokyo): due dates are counted in its local days, and dates are shown in it.",
  })
  timeZone!: string;
  @Field(() => Boolean, {
    description:
      'Japanese national holidays (from the maintained holiday data, not a stored list) are not business days.',
  })
  observeJapaneseHolidays!: boolean;
  @Field(() => [String], {
    description: 'Days closed every year, MM-DD (年末年始 by default: 12-29 to 01-03); not business days.',
  })
  recurringClosedDays!: string[];
  @Field(() => [String], {
    description: "The organisation's own one-off closed days, YYYY-MM-DD; not business days.",
  })
  holidays!: string[];
}

@ObjectType('RequestReceipt', { description: 'What the requester is told: keep the reference.' })
export class RequestReceiptType {
  @Field(() => String, { description: 'The reference (受付番号) to quote.' }) reference!: string;
  @Field(() => RequestKindEnum, { description: 'The kind of request received.' }) kind!: RequestKind;
  @Field(() => Date, { description: 'When it was received.' }) receivedAt!: Date;
  @Field(() => Date, { description: 'When the organisation will have answered by.' }) dueAt!: Date;
}

@ObjectType('Requester', {
  description: 'Who made the request, as they told us (decrypted for staff; every read is audited).',
})
export class RequesterType {
  @Field(() => String, { description: 'Their name as they gave it.' }) name!: string;
  @Field(() => String, { description: 'How to reach them, as they gave it.' }) contact!: string;
  @Field(() => String, { nullable: true, description: 'What they asked for, in their words; null if nothing more.' })
  details!: string | null;
  @Field(() => [String], { description: 'Cookie visitor ids they quoted, so the disclosure includes those consents.' })
  cookieConsentIds!: string[];
}

@ObjectType('RequestVerification', { description: 'How a requester was confirmed to be the provider.' })
export class RequestVerificationType {
  @Field(() => VerificationMethodEnum, { description: 'How it was checked.' }) method!: VerificationMethod;
  @Field(() => String, { description: 'The name of the member of staff who checked.' }) verifiedBy!: string;
  @Field(() => Date, { description: 'When.' }) verifiedAt!: Date;
  @Field(() => String, { nullable: true, description: 'What was checked; never a document number. Null if no note.' })
  note!: string | null;
}

@ObjectType('RequestStatusChange', { description: "One change of a request's status." })
export class RequestStatusChangeType {
  @Field(() => RequestStatusEnum, { nullable: true, description: 'None for the receipt itself.' })
  fromStatus!: RequestStatus | null;
  @Field(() => RequestStatusEnum, { description: 'The status it moved to.' }) toStatus!: RequestStatus;
  @Field(() => Date, { description: 'When.' }) at!: Date;
  @Field(() => String, { description: 'The name of whoever changed it.' }) actorName!: string;
  @Field(() => String, { nullable: true, description: 'The reason or resolution given; null if none.' }) reason!:
    string | null;
}

@ObjectType('RequestProvider', { description: 'The provider a request concerns (no personal values).' })
export class RequestProviderType {
  @Field(() => ID, { description: "The provider's id." }) id!: string;
  @Field(() => String, { description: "The organisation's reference for them." }) reference!: string;
  @Field(() => ProviderKindEnum, { description: 'Who they are to the organisation.' }) kind!: ProviderKind;
  @Field(() => Int, {
    description: "The provider's version: pass it as `expectedProviderVersion` for an amendment or cessation.",
  })
  version!: number;
}

@ObjectType('ProviderCessation', {
  description: 'A stop the provider asked for; decisions and partner reads respect it.',
})
export class ProviderCessationType {
  @Field(() => ID, { description: "The cessation's id." }) id!: string;
  @Field(() => DecisionActionEnum, { description: 'Whether use or provision stopped.' }) action!: DecisionAction;
  @Field(() => String, { nullable: true, description: 'None: every purpose.' }) purposeKey!: string | null;
  @Field(() => ID, { nullable: true, description: 'None: every recipient (PROVIDE only).' }) recipientId!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'For a provision: the recipient no longer provided to; null means every recipient.',
  })
  recipientName!: string | null;
  @Field(() => Date, { description: 'When it took effect.' }) since!: Date;
  @Field(() => String, { description: 'The name of the member of staff who recorded it.' }) recordedBy!: string;
  @Field(() => String, { nullable: true, description: 'The reference of the request it answers; null if none.' })
  requestReference!: string | null;
}

@ObjectType('RequestAbilities', {
  description:
    "What the caller may do with this request now, computed by policy-core (requestAbilities) from the request and the caller's role; the admin shows exactly these actions. A viewer may do nothing.",
})
export class RequestAbilitiesType {
  @Field(() => Boolean, {
    description:
      'May link it to a provider (or another one): before the identity is verified, while received or verifying.',
  })
  link!: boolean;
  @Field(() => Boolean, {
    description:
      "May record the requester's identity verification: a provider is linked, none is recorded yet, the request is received or verifying.",
  })
  verify!: boolean;
  @Field(() => Boolean, { description: 'May move the status (to one of allowedNextStatuses).' })
  changeStatus!: boolean;
  @Field(() => Boolean, {
    description:
      'May produce the disclosure package: a verified disclosure request in progress (or completed, to reprint).',
  })
  disclose!: boolean;
  @Field(() => Boolean, { description: 'May apply an amendment: a verified amendment request in progress.' })
  amend!: boolean;
  @Field(() => Boolean, { description: 'May record a cessation of use: a verified cessation request in progress.' })
  cease!: boolean;
}

/**
 * The fields every view of a request shows: the staff's (ProviderRequest) and the provider's own, in
 * a disclosure package (DisclosedRequest). Not a GraphQL type of its own (nothing returns it, so the
 * schema leaves it out): each request type extends it.
 */
@ObjectType()
export abstract class RequestBaseType {
  @Field(() => String, { description: 'Its reference (受付番号), as the requester was told.' }) reference!: string;
  @Field(() => RequestKindEnum, { description: 'Disclosure, amendment or cessation of use.' }) kind!: RequestKind;
  @Field(() => RequestChannelEnum, { description: 'How the request was received.' }) channel!: RequestChannel;
  @Field(() => RequestStatusEnum, { description: 'Where it stands.' }) status!: RequestStatus;
  @Field(() => Date, { description: 'When it was received.' }) receivedAt!: Date;
  @Field(() => Date, {
    description: "When an answer is due: the organisation's response period from receipt, in its calendar.",
  })
  dueAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was completed or rejected; null while open.' })
  completedAt!: Date | null;
}

@ObjectType('ProviderRequest', { description: 'A request under policy clause 4.' })
export class ProviderRequestType extends RequestBaseType {
  @Field(() => ID, { description: "The request's id." }) id!: string;
  @Field(() => Boolean, { description: 'Past its due date and still open (policy-core isOverdue, now).' })
  overdue!: boolean;
  @Field(() => RequestUrgencyEnum, { description: 'How close it is to its due date now.' }) urgency!: RequestUrgency;
  @Field(() => Int, { description: 'Whole days left (negative: days overdue).' }) daysRemaining!: number;
  @Field(() => [RequestStatusEnum], { description: 'Where the status may go next.' })
  allowedNextStatuses!: RequestStatus[];
  @Field(() => RequesterType, { description: 'Who made it and how to reach them (decrypted; reading it is audited).' })
  requester!: RequesterType;
  @Field(() => RequestProviderType, { nullable: true, description: 'The provider it concerns; null until linked.' })
  provider!: RequestProviderType | null;
  @Field(() => String, { nullable: true, description: 'None: submitted on the public form.' }) enteredBy!:
    string | null;
  @Field(() => RequestVerificationType, {
    nullable: true,
    description: 'How the requester was confirmed to be the provider; null until verified.',
  })
  verification!: RequestVerificationType | null;
  @Field(() => String, { nullable: true, description: 'Why it was rejected; null unless REJECTED.' }) rejectionReason!:
    string | null;
  @Field(() => String, { nullable: true, description: 'What was done, recorded on completion; null until then.' })
  resolution!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the disclosure package was last produced; null if never.' })
  packageProducedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the last disclosure package produced.' })
  packageHash!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The signed tree head the provider handed in with the request (from their last disclosure package), checked on intake: its signature verifies with the ledger key and its size is within the ledger. JSON in the wire format (`version`, `treeSize`, `rootHash`, `timestamp`, `providerMapSize` for version 2, `providerMapRoot`, `signature`); null when none was given.',
  })
  earlierHead!: string | null;
  @Field(() => Int, { description: 'Its version, for optimistic locking: pass it as `expectedVersion`.' })
  version!: number;
  @Field(() => RequestAbilitiesType, { description: 'What the caller may do with this request now.' })
  abilities!: RequestAbilitiesType;
}

export const ProviderRequestConnection = Connection('ProviderRequest', ProviderRequestType, {
  one: 'provider request',
  many: 'provider requests',
});
export type ProviderRequestConnection = InstanceType<typeof ProviderRequestConnection>;

export const ProviderRequestSort = SortInput(
  'ProviderRequest',
  {
    RECEIVED: 'When the request was received (the default, newest first).',
    DUE: 'When the answer is due.',
  },
  'provider requests',
);
export type ProviderRequestSort = InstanceType<typeof ProviderRequestSort>;

@ObjectType('DataItemChange', { description: 'One amended item, before and after.' })
export class DataItemChangeType {
  @Field(() => ID, { description: "The change's id." }) id!: string;
  @Field(() => ID, { description: 'The item changed.' }) itemId!: string;
  @Field(() => DataCategoryEnum, { description: "The item's data category." }) category!: DataCategory;
  @Field(() => DataItemChangeActionEnum, { description: 'Whether the item was added, corrected or removed.' })
  action!: DataItemChangeAction;
  @Field(() => String, { nullable: true, description: 'The value before; null for an addition. Decrypted for staff.' })
  before!: string | null;
  @Field(() => String, { nullable: true, description: 'The value after; null for a removal. Decrypted for staff.' })
  after!: string | null;
  @Field(() => Date, { description: 'When it was changed.' }) changedAt!: Date;
  @Field(() => String, { description: 'The name of the member of staff who applied the amendment.' })
  changedBy!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The reference of the amendment request it answers; null if none.',
  })
  requestReference!: string | null;
}

@ObjectType('AmendmentResult', {
  description: 'What an applied amendment changed, and the request and provider as they are now.',
})
export class AmendmentResultType {
  @Field(() => ProviderRequestType, { description: 'The amendment request, updated.' }) request!: ProviderRequestType;
  @Field(() => [DataItemChangeType], {
    description: 'Each item added, corrected or removed, with its value before and after.',
  })
  changes!: DataItemChangeType[];
  @Field(() => Int, {
    description: "The provider's `version` after the amendment (pass it as the next expected version).",
  })
  providerVersion!: number;
}

@ObjectType('CessationResult', {
  description: 'What an applied cessation stopped, and the request and provider as they are now.',
})
export class CessationResultType {
  @Field(() => ProviderRequestType, { description: 'The cessation request, updated.' }) request!: ProviderRequestType;
  @Field(() => [ProviderCessationType], { description: 'The stops recorded by this cessation.' })
  cessations!: ProviderCessationType[];
  @Field(() => [String], { description: 'Purposes whose consent was withdrawn.' }) withdrawnPurposeKeys!: string[];
  @Field(() => Int, { description: "The provider's `version` after the cessation." }) providerVersion!: number;
}

// The disclosure package ------------------------------------------------------------------------

@ObjectType('DisclosedProvider', { description: 'The provider, as the disclosure package shows them.' })
export class DisclosedProviderType {
  @Field(() => ID, { description: "The provider's id." }) id!: string;
  @Field(() => String, { description: "The organisation's reference for them (e.g. a membership number)." })
  reference!: string;
  @Field(() => ProviderKindEnum, { description: 'Who they are to the organisation.' }) kind!: ProviderKind;
  @Field(() => Date, { description: 'When the organisation first recorded them.' }) createdAt!: Date;
}

@ObjectType('DisclosedDataItem', {
  description: 'An item of personal information held, as the disclosure package shows it (its value opened).',
})
export class DisclosedDataItemType extends DataItemBaseType {
  @Field(() => Boolean, { description: 'Whether the provider made it public.' }) publiclyAvailable!: boolean;
}

@ObjectType('DisclosedPurposeChoice', {
  description: 'A purpose stated at a collection, and whether consent was given.',
})
export class DisclosedPurposeChoiceType {
  @Field(() => String, { description: "The purpose's key." }) purposeKey!: string;
  @Field(() => Boolean, { description: 'True if consent was given at collection.' }) granted!: boolean;
}

@ObjectType('DisclosedCollection', { description: 'A collection, as the disclosure package shows it.' })
export class DisclosedCollectionType {
  @Field(() => ID, { description: "The collection's id." }) id!: string;
  @Field(() => CollectionChannelEnum, { description: 'How they were collected.' }) channel!: CollectionChannel;
  @Field(() => ConsentMethodEnum, { description: 'How consent was given.' }) consentMethod!: ConsentMethod;
  @Field(() => Date, { description: 'When.' }) collectedAt!: Date;
  @Field(() => Int, { description: 'The privacy policy version shown.' }) policyVersion!: number;
  @Field(() => [DisclosedPurposeChoiceType], { description: 'Each purpose stated, and whether consent was given.' })
  purposes!: DisclosedPurposeChoiceType[];
  @Field(() => [DataCategoryEnum], { description: 'The data categories collected.' }) categories!: DataCategory[];
  @Field(() => String, { nullable: true, description: 'Where the information came from; null if not said.' }) source!:
    string | null;
  @Field(() => String, { nullable: true, description: "The staff's note on the collection." }) note!: string | null;
  @Field(() => ID, { description: 'The consent receipt issued.' }) receiptId!: string;
  @Field(() => String, { description: 'SHA-256 of the consent receipt issued, in hex.' }) receiptHash!: string;
}

@ObjectType('DisclosedConsent', {
  description: 'The current consent per purpose (derived from the events by policy-core).',
})
export class DisclosedConsentType {
  @Field(() => String, { description: "The purpose's key." }) purposeKey!: string;
  @Field(() => String, { description: "The purpose's title in the package's language." }) purposeTitle!: string;
  @Field(() => ConsentStateEnum, { description: 'The consent now.' }) state!: ConsentState;
  @Field(() => Date, { nullable: true, description: 'When the consent reached this state; null if never asked.' })
  since!: Date | null;
  @Field(() => Int, { nullable: true, description: 'The policy version the consent was given under.' }) policyVersion!:
    number | null;
}

@ObjectType('DisclosedConsentEvent', { description: 'A consent event, as the disclosure package shows it.' })
export class DisclosedConsentEventType {
  @Field(() => ID, { description: "The event's id." }) id!: string;
  @Field(() => String, { description: "The purpose's key." }) purposeKey!: string;
  @Field(() => ConsentActionEnum, { description: 'Granted, refused or withdrawn.' }) action!: ConsentAction;
  @Field(() => ConsentMethodEnum, { description: 'How.' }) method!: ConsentMethod;
  @Field(() => Int, { description: 'The privacy policy version in force then.' }) policyVersion!: number;
  @Field(() => Date, { description: 'When.' }) occurredAt!: Date;
  @Field(() => ID, { nullable: true, description: 'The consent receipt issued with it; null if none.' }) receiptId!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The note recorded with it; null if none.' }) note!:
    string | null;
}

@ObjectType('DisclosedRequest', { description: 'A request the provider made, as the disclosure package shows it.' })
export class DisclosedRequestType extends RequestBaseType {}

@ObjectType('DisclosedRecipient', { description: 'An outside organisation named in the ledger or a cessation.' })
export class DisclosedRecipientType {
  @Field(() => ID, { description: "The recipient's id." }) id!: string;
  @Field(() => String, { description: "The recipient's name." }) name!: string;
  @Field(() => String, { description: 'Who they are to the organisation (a RecipientKind code).' }) kind!: string;
}

@ObjectType('DisclosedActor', {
  description:
    "Who acted in the package's ledger entries: a staff member (name and role), a recipient's system (by the recipient's name), or Steward itself.",
})
export class DisclosedActorType {
  @Field(() => String, {
    description:
      "The ledger entries' `actor`: `admin:<id>`, `partner:<credential id>`, `system:<credential id>` (an internal system's key) or `system` (Steward).",
  })
  ref!: string;
  @Field(() => String, {
    description: "Who they are, in the package's language (e.g. the staff member's name and role).",
  })
  description!: string;
}

@ObjectType('DisclosureSection', {
  description: 'A section contributed by another feature (inquiries, cookie consents), as canonical JSON.',
})
export class DisclosureSectionType {
  @Field(() => String, { description: "The section's key (e.g. `inquiries`, `cookieConsents`)." }) key!: string;
  @Field(() => String, { description: "The section's title in the package's language." }) title!: string;
  @Field(() => Int, { description: 'How many records the section holds.' }) count!: number;
  @Field(() => String, { description: 'The records as canonical JSON.' }) json!: string;
}

@ObjectType('DisclosurePackage', {
  description:
    'Everything held about one provider (clause 4), produced for a verified disclosure request. `json` is the canonical form; `sha256` its hash.',
})
export class DisclosurePackageType {
  @Field(() => String, {
    description:
      "The format of `json` (`steward.disclosure/6`: in the provider's language, each code with its label beside it, and the proofs under `evidence`); inside what `sha256` covers.",
  })
  formatVersion!: string;
  @Field(() => PolicyLanguageEnum, {
    description: "The provider's language: the package's labels, section titles, purpose titles and names are in it.",
  })
  language!: ProviderLanguage;
  @Field(() => ID, { description: 'The disclosure request it answers.' }) requestId!: string;
  @Field(() => String, { description: "That request's reference." }) requestReference!: string;
  @Field(() => Date, { description: 'When the package was produced.' }) producedAt!: Date;
  @Field(() => String, { description: "The organisation and its secretariat's contact, in the provider's language." })
  controller!: string;
  @Field(() => Int, { description: 'The policy version in force when the package was produced.' })
  policyVersion!: number;
  @Field(() => DisclosedProviderType, { description: 'The provider.' }) provider!: DisclosedProviderType;
  @Field(() => [DisclosedDataItemType], { description: 'Every item of personal information held, opened.' })
  dataItems!: DisclosedDataItemType[];
  @Field(() => [DisclosedCollectionType], { description: 'Every collection from the provider.' })
  collections!: DisclosedCollectionType[];
  @Field(() => [DisclosedConsentType], { description: 'The consent now, per purpose.' })
  consents!: DisclosedConsentType[];
  @Field(() => [DisclosedConsentEventType], { description: 'Every consent event, oldest first.' })
  consentEvents!: DisclosedConsentEventType[];
  @Field(() => Int, { description: 'How many ledger entries concern the provider.' }) ledgerCount!: number;
  /** Every entry; exposed through the `ledger(first)` field resolver (DisclosurePackageResolver). */
  ledger!: LedgerEntryType[];
  @Field(() => [DisclosedRecipientType], { description: 'Every outside recipient named in the ledger or a cessation.' })
  recipients!: DisclosedRecipientType[];
  @Field(() => [DisclosedActorType], {
    description:
      "Who each ledger entry says acted, described in the provider's language (in `json`, each entry's `actorName`).",
  })
  actors!: DisclosedActorType[];
  @Field(() => [DisclosedRequestType], { description: 'Every request the provider made.' })
  requests!: DisclosedRequestType[];
  @Field(() => [DataItemChangeType], { description: "Every amendment of the provider's items." })
  amendments!: DataItemChangeType[];
  @Field(() => [ProviderCessationType], { description: 'Every stop of use or provision the provider asked for.' })
  cessations!: ProviderCessationType[];
  @Field(() => [DisclosureSectionType], {
    description: 'Sections other features contribute (inquiries, cookie consents).',
  })
  sections!: DisclosureSectionType[];
  @Field(() => String, { description: 'The package as canonical JSON (the document the provider receives).' })
  json!: string;
  @Field(() => String, { description: 'SHA-256 of `json`, its format version and language included.' })
  sha256!: string;
}
