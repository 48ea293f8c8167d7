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
  @Field(() => String) reference!: string;
  @Field(() => RequestKindEnum) kind!: RequestKind;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => Date, { description: 'When the organisation will have answered by.' }) dueAt!: Date;
}

@ObjectType('Requester', {
  description: 'Who made the request, as they told us (decrypted for staff; every read is audited).',
})
export class RequesterType {
  @Field(() => String) name!: string;
  @Field(() => String) contact!: string;
  @Field(() => String, { nullable: true }) details!: string | null;
  @Field(() => [String]) cookieConsentIds!: string[];
}

@ObjectType('RequestVerification')
export class RequestVerificationType {
  @Field(() => VerificationMethodEnum) method!: VerificationMethod;
  @Field(() => String) verifiedBy!: string;
  @Field(() => Date) verifiedAt!: Date;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('RequestStatusChange')
export class RequestStatusChangeType {
  @Field(() => RequestStatusEnum, { nullable: true, description: 'None for the receipt itself.' })
  fromStatus!: RequestStatus | null;
  @Field(() => RequestStatusEnum) toStatus!: RequestStatus;
  @Field(() => Date) at!: Date;
  @Field(() => String) actorName!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('RequestProvider', { description: 'The provider a request concerns (no personal values).' })
export class RequestProviderType {
  @Field(() => ID) id!: string;
  @Field(() => String) reference!: string;
  @Field(() => ProviderKindEnum) kind!: ProviderKind;
  @Field(() => Int) version!: number;
}

@ObjectType('ProviderCessation', {
  description: 'A stop the provider asked for; decisions and partner reads respect it.',
})
export class ProviderCessationType {
  @Field(() => ID) id!: string;
  @Field(() => DecisionActionEnum) action!: DecisionAction;
  @Field(() => String, { nullable: true, description: 'None: every purpose.' }) purposeKey!: string | null;
  @Field(() => ID, { nullable: true, description: 'None: every recipient (PROVIDE only).' }) recipientId!:
    string | null;
  @Field(() => String, { nullable: true }) recipientName!: string | null;
  @Field(() => Date) since!: Date;
  @Field(() => String) recordedBy!: string;
  @Field(() => String, { nullable: true }) requestReference!: string | null;
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
  @Field(() => String) reference!: string;
  @Field(() => RequestKindEnum) kind!: RequestKind;
  @Field(() => RequestChannelEnum) channel!: RequestChannel;
  @Field(() => RequestStatusEnum) status!: RequestStatus;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => Date) dueAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
}

@ObjectType('ProviderRequest', { description: 'A request under policy clause 4.' })
export class ProviderRequestType extends RequestBaseType {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { description: 'Past its due date and still open (policy-core isOverdue, now).' })
  overdue!: boolean;
  @Field(() => RequestUrgencyEnum) urgency!: RequestUrgency;
  @Field(() => Int, { description: 'Whole days left (negative: days overdue).' }) daysRemaining!: number;
  @Field(() => [RequestStatusEnum], { description: 'Where the status may go next.' })
  allowedNextStatuses!: RequestStatus[];
  @Field(() => RequesterType) requester!: RequesterType;
  @Field(() => RequestProviderType, { nullable: true }) provider!: RequestProviderType | null;
  @Field(() => String, { nullable: true, description: 'None: submitted on the public form.' }) enteredBy!:
    string | null;
  @Field(() => RequestVerificationType, { nullable: true }) verification!: RequestVerificationType | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => Date, { nullable: true }) packageProducedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the last disclosure package produced.' })
  packageHash!: string | null;
  @Field(() => Int) version!: number;
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
  @Field(() => ID) id!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => DataCategoryEnum) category!: DataCategory;
  @Field(() => DataItemChangeActionEnum) action!: DataItemChangeAction;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
  @Field(() => Date) changedAt!: Date;
  @Field(() => String) changedBy!: string;
  @Field(() => String, { nullable: true }) requestReference!: string | null;
}

@ObjectType('AmendmentResult')
export class AmendmentResultType {
  @Field(() => ProviderRequestType) request!: ProviderRequestType;
  @Field(() => [DataItemChangeType]) changes!: DataItemChangeType[];
  @Field(() => Int) providerVersion!: number;
}

@ObjectType('CessationResult')
export class CessationResultType {
  @Field(() => ProviderRequestType) request!: ProviderRequestType;
  @Field(() => [ProviderCessationType]) cessations!: ProviderCessationType[];
  @Field(() => [String], { description: 'Purposes whose consent was withdrawn.' }) withdrawnPurposeKeys!: string[];
  @Field(() => Int) providerVersion!: number;
}

// The disclosure package ------------------------------------------------------------------------

@ObjectType('DisclosedProvider')
export class DisclosedProviderType {
  @Field(() => ID) id!: string;
  @Field(() => String) reference!: string;
  @Field(() => ProviderKindEnum) kind!: ProviderKind;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('DisclosedDataItem')
export class DisclosedDataItemType extends DataItemBaseType {
  @Field(() => Boolean) publiclyAvailable!: boolean;
}

@ObjectType('DisclosedPurposeChoice')
export class DisclosedPurposeChoiceType {
  @Field(() => String) purposeKey!: string;
  @Field(() => Boolean) granted!: boolean;
}

@ObjectType('DisclosedCollection')
export class DisclosedCollectionType {
  @Field(() => ID) id!: string;
  @Field(() => CollectionChannelEnum) channel!: CollectionChannel;
  @Field(() => ConsentMethodEnum) consentMethod!: ConsentMethod;
  @Field(() => Date) collectedAt!: Date;
  @Field(() => Int) policyVersion!: number;
  @Field(() => [DisclosedPurposeChoiceType]) purposes!: DisclosedPurposeChoiceType[];
  @Field(() => [DataCategoryEnum]) categories!: DataCategory[];
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => String, { nullable: true, description: "The staff's note on the collection." }) note!: string | null;
  @Field(() => ID) receiptId!: string;
  @Field(() => String) receiptHash!: string;
}

@ObjectType('DisclosedConsent', {
  description: 'The current consent per purpose (derived from the events by policy-core).',
})
export class DisclosedConsentType {
  @Field(() => String) purposeKey!: string;
  @Field(() => String) purposeTitle!: string;
  @Field(() => ConsentStateEnum) state!: ConsentState;
  @Field(() => Date, { nullable: true }) since!: Date | null;
  @Field(() => Int, { nullable: true, description: 'The policy version the consent was given under.' }) policyVersion!:
    number | null;
}

@ObjectType('DisclosedConsentEvent')
export class DisclosedConsentEventType {
  @Field(() => ID) id!: string;
  @Field(() => String) purposeKey!: string;
  @Field(() => ConsentActionEnum) action!: ConsentAction;
  @Field(() => ConsentMethodEnum) method!: ConsentMethod;
  @Field(() => Int) policyVersion!: number;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => ID, { nullable: true }) receiptId!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('DisclosedRequest')
export class DisclosedRequestType extends RequestBaseType {}

@ObjectType('DisclosedRecipient', { description: 'An outside organisation named in the ledger or a cessation.' })
export class DisclosedRecipientType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
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
  @Field(() => String) description!: string;
}

@ObjectType('DisclosureSection', {
  description: 'A section contributed by another feature (inquiries, cookie consents), as canonical JSON.',
})
export class DisclosureSectionType {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => Int) count!: number;
  @Field(() => String) json!: string;
}

@ObjectType('DisclosurePackage', {
  description:
    'Everything held about one provider (clause 4), produced for a verified disclosure request. `json` is the canonical form; `sha256` its hash.',
})
export class DisclosurePackageType {
  @Field(() => String, {
    description:
      "The format of `json` (`steward.disclosure/5`: in the provider's language, each code with its label beside it); inside what `sha256` covers.",
  })
  formatVersion!: string;
  @Field(() => PolicyLanguageEnum, {
    description: "The provider's language: the package's labels, section titles, purpose titles and names are in it.",
  })
  language!: ProviderLanguage;
  @Field(() => ID) requestId!: string;
  @Field(() => String) requestReference!: string;
  @Field(() => Date) producedAt!: Date;
  @Field(() => String, { description: "The organisation and its secretariat's contact, in the provider's language." })
  controller!: string;
  @Field(() => Int, { description: 'The policy version in force when the package was produced.' })
  policyVersion!: number;
  @Field(() => DisclosedProviderType) provider!: DisclosedProviderType;
  @Field(() => [DisclosedDataItemType]) dataItems!: DisclosedDataItemType[];
  @Field(() => [DisclosedCollectionType]) collections!: DisclosedCollectionType[];
  @Field(() => [DisclosedConsentType]) consents!: DisclosedConsentType[];
  @Field(() => [DisclosedConsentEventType]) consentEvents!: DisclosedConsentEventType[];
  @Field(() => Int) ledgerCount!: number;
  /** Every entry; exposed through the `ledger(first)` field resolver (DisclosurePackageResolver). */
  ledger!: LedgerEntryType[];
  @Field(() => [DisclosedRecipientType]) recipients!: DisclosedRecipientType[];
  @Field(() => [DisclosedActorType], {
    description:
      "Who each ledger entry says acted, described in the provider's language (in `json`, each entry's `actorName`).",
  })
  actors!: DisclosedActorType[];
  @Field(() => [DisclosedRequestType]) requests!: DisclosedRequestType[];
  @Field(() => [DataItemChangeType]) amendments!: DataItemChangeType[];
  @Field(() => [ProviderCessationType]) cessations!: ProviderCessationType[];
  @Field(() => [DisclosureSectionType]) sections!: DisclosureSectionType[];
  @Field(() => String, { description: 'The package as canonical JSON (the document the provider receives).' })
  json!: string;
  @Field(() => String, { description: 'SHA-256 of `json`, its format version and language included.' })
  sha256!: string;
}
