import type {
  DataCategory,
  RequestChannel,
  RequestKind,
  RequestStatus,
  VerificationMethod,
} from '@steward/policy-core';
import { TIME_ZONE_MAX_LENGTH, TREE_HEAD_MAX_LENGTH } from '@steward/policy-core';
import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { DataCategoryEnum } from '../common/enums.js';
import {
  RequestChannelEnum,
  RequestKindEnum,
  RequestStatusEnum,
  RequestUrgencyEnum,
  ResponsePeriodUnitEnum,
  VerificationMethodEnum,
} from './request-enums.js';

// class-validator only bounds sizes (a cheap refusal before any work); what a request may say is
// policy-core's (validateRequestSubmission, validateAmendment, validateRequestWork).

@InputType({ description: 'A request as the provider submits it on the public form.' })
export class SubmitProviderRequestInput {
  /** A String, not the enum, so that a wrong kind is refused as BAD_USER_INPUT by policy-core with its field. */
  @Field(() => String, { description: 'DISCLOSURE, AMENDMENT or CESSATION.' }) @MaxLength(32) kind!: string;
  @Field(() => String, { description: 'Your name, as the organisation knows you.' })
  @MaxLength(1000)
  requesterName!: string;
  @Field(() => String, { description: 'An e-mail address, telephone number or postal address to answer to.' })
  @MaxLength(1000)
  contact!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'What is asked for (e.g. which items to correct and how).' })
  @MaxLength(20_000)
  details?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Ids shown by the cookie banner, to include cookie consents in a disclosure.',
  })
  @ArrayMaxSize(20)
  @MaxLength(200, { each: true })
  cookieConsentIds?: string[] | null;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description:
      "Optional. The signed tree head (JSON) from the provider's last disclosure package, so the next package can prove the ledger still extends it; refused on `earlierHead` when it is not a head (INVALID_FORMAT), its signature does not verify with the ledger key (BAD_SIGNATURE) or it names more entries than the ledger holds (AHEAD_OF_LEDGER).",
  })
  @MaxLength(TREE_HEAD_MAX_LENGTH)
  earlierHead?: string | null;
}

@InputType({ description: 'A request received by post, telephone, fax, e-mail or in person, entered by staff.' })
export class CreateProviderRequestInput {
  @Field(() => RequestKindEnum, { description: 'Disclosure, amendment or cessation.' }) kind!: RequestKind;
  @Field(() => RequestChannelEnum, { description: 'How the request was received.' }) channel!: RequestChannel;
  @Field(() => Date, {
    nullable: true,
    description: 'When it reached the organisation; defaults to now. The due date counts from it.',
  })
  receivedAt?: Date | null;
  @Field(() => String, { description: "The requester's name as they gave it." })
  @MaxLength(1000)
  requesterName!: string;
  @Field(() => String, {
    description:
      'How to reach the requester (an address, e-mail or telephone), as they gave it (several lines allowed).',
  })
  @MaxLength(1000)
  contact!: string;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description: 'What the requester asked for, in their words (several lines allowed).',
  })
  @MaxLength(20_000)
  details?: string | null;
  @Field(() => [String], {
    nullable: true,
    description:
      'Cookie visitor ids the requester quoted, so a disclosure includes their cookie consents; null or empty if none.',
  })
  @ArrayMaxSize(20)
  @MaxLength(200, { each: true })
  cookieConsentIds?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'The provider, when already known.' }) @MaxLength(100) providerId?:
    string | null;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description:
      "Optional, as the requester handed it in. The signed tree head (JSON) from the provider's last disclosure package, so the next package can prove the ledger still extends it; refused on `earlierHead` when it is not a head (INVALID_FORMAT), its signature does not verify with the ledger key (BAD_SIGNATURE) or it names more entries than the ledger holds (AHEAD_OF_LEDGER).",
  })
  @MaxLength(TREE_HEAD_MAX_LENGTH)
  earlierHead?: string | null;
}

@InputType({ description: 'Narrows the provider requests; every field given must match.' })
export class ProviderRequestFilter {
  @Field(() => RequestStatusEnum, { nullable: true, description: 'Only requests with this status.' })
  status?: RequestStatus | null;
  @Field(() => RequestKindEnum, { nullable: true, description: 'Only requests of this kind.' })
  kind?: RequestKind | null;
  @Field(() => RequestUrgencyEnum, { nullable: true, description: 'OVERDUE or DUE_SOON: open requests only.' })
  urgency?: 'OVERDUE' | 'DUE_SOON' | 'ON_TRACK' | 'CLOSED' | null;
  @Field(() => Boolean, { nullable: true, description: 'Only open (true) or closed (false) requests.' }) open?:
    boolean | null;
  @Field(() => ID, { nullable: true, description: 'Only requests linked to this provider.' })
  @MaxLength(100)
  providerId?: string | null;
}

@InputType({ description: 'Records how the requester was confirmed to be the provider.' })
export class VerifyRequestIdentityInput {
  @Field(() => ID, { description: 'The provider request; its provider must be linked.' })
  @MaxLength(100)
  requestId!: string;
  @Field(() => Int, { description: "The request's `version` as read: a stale change is refused with CONFLICT." })
  expectedVersion!: number;
  @Field(() => VerificationMethodEnum, { description: 'How it was checked.' }) method!: VerificationMethod;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'What was checked; never a document number.' })
  @MaxLength(10_000)
  note?: string | null;
}

@InputType({ description: 'Moves a provider request to its next status.' })
export class ChangeRequestStatusInput {
  @Field(() => ID, { description: 'The provider request to move.' }) @MaxLength(100) requestId!: string;
  @Field(() => Int, { description: "The request's `version` as read: a stale change is refused with CONFLICT." })
  expectedVersion!: number;
  @Field(() => RequestStatusEnum, { description: "The new status; one the request's `abilities.changeStatus` lists." })
  status!: RequestStatus;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'Required to reject; for COMPLETED, what was done.' })
  @MaxLength(10_000)
  reason?: string | null;
}

@InputType({
  description: 'One amended item: a new value for an item, a new item (no itemId), or a removal (no value).',
})
export class AmendmentChangeInput {
  @Field(() => ID, { nullable: true, description: 'The item to correct or remove; null adds a new item.' })
  @MaxLength(100)
  itemId?: string | null;
  @Field(() => DataCategoryEnum, {
    description: "The category of the item; for an existing item it must be the item's own.",
  })
  category!: DataCategory;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description: 'The corrected or new value (several lines allowed); null removes the item.',
  })
  @MaxLength(10_000)
  value?: string | null;
}

@InputType({ description: 'The items to amend for an AMENDMENT request, against the provider version read.' })
export class ApplyAmendmentInput {
  @Field(() => ID, { description: 'The AMENDMENT request (verified, IN_PROGRESS) this amendment answers.' })
  @MaxLength(100)
  requestId!: string;
  @Field(() => Int, { description: "The provider's version as read: a stale amendment is refused with CONFLICT." })
  expectedProviderVersion!: number;
  @Field(() => [AmendmentChangeInput], { description: 'The changes, applied together or not at all (at most 100).' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  changes!: AmendmentChangeInput[];
}

@InputType({ description: 'What to stop: use for purposes, provision to recipients (or to everyone).' })
export class ApplyCessationInput {
  @Field(() => ID, { description: 'The CESSATION request (verified, IN_PROGRESS) this answers.' })
  @MaxLength(100)
  requestId!: string;
  @Field(() => Int, { description: "The provider's `version` as read: a stale cessation is refused with CONFLICT." })
  expectedProviderVersion!: number;
  @Field(() => [String], {
    defaultValue: [],
    description: 'Stop using the data for these purposes (consent is withdrawn too).',
  })
  @ArrayMaxSize(100)
  @MaxLength(64, { each: true })
  stopUsePurposeKeys!: string[];
  @Field(() => [ID], { defaultValue: [], description: 'Stop providing the data to these recipients.' })
  @ArrayMaxSize(100)
  @MaxLength(100, { each: true })
  stopProvisionRecipientIds!: string[];
  @Field(() => Boolean, { defaultValue: false, description: 'Stop providing the data to anyone.' })
  stopAllProvision!: boolean;
}

@InputType({ description: "The response period and the organisation's calendar (owners only)." })
export class UpdateRequestSettingsInput {
  @Field(() => Int, { description: 'Days to answer a request (0–365), counted from the day after receipt.' })
  responsePeriodDays!: number;
  @Field(() => ResponsePeriodUnitEnum, { description: 'Whether the period counts calendar days or business days.' })
  unit!: 'CALENDAR_DAYS' | 'BUSINESS_DAYS';
  @Field(() => String, {
    description: 'An IANA time zone the server knows (e.g. Asia/Tokyo); anything else is refused on `timeZone`.',
  })
  @MaxLength(TIME_ZONE_MAX_LENGTH)
  timeZone!: string;
  @Field(() => Boolean, { description: 'Whether Japanese national holidays are not business days.' })
  observeJapaneseHolidays!: boolean;
  @Field(() => [String], { description: 'Days closed every year, MM-DD (e.g. 12-29 … 01-03 for 年末年始).' })
  @ArrayMaxSize(366)
  @MaxLength(5, { each: true })
  recurringClosedDays!: string[];
  @Field(() => [String], { description: "The organisation's own one-off closed days, YYYY-MM-DD." })
  @ArrayMaxSize(400)
  @MaxLength(10, { each: true })
  holidays!: string[];
}

@InputType({ description: 'Which request, as read, concerns which provider.' })
export class LinkRequestProviderInput {
  @Field(() => ID, { description: 'The provider request to link (before its identity is verified).' })
  requestId!: string;
  @Field(() => ID, { description: 'The provider the requester turned out to be.' }) providerId!: string;
  @Field(() => Int, {
    description: "The request's `version` as read: if someone changed it since, the link is refused with CONFLICT.",
  })
  expectedVersion!: number;
}

@InputType({ description: 'Which disclosure request to produce the package for.' })
export class ProduceDisclosurePackageInput {
  @Field(() => ID, {
    description: 'A DISCLOSURE request whose identity is verified, IN_PROGRESS or COMPLETED, with its provider linked.',
  })
  requestId!: string;
}
