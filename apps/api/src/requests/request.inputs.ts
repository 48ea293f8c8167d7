import type {
  DataCategory,
  RequestChannel,
  RequestKind,
  RequestStatus,
  VerificationMethod,
} from '@steward/policy-core';
import { TIME_ZONE_MAX_LENGTH } from '@steward/policy-core';
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
  @Field(() => String) @MaxLength(1000) requesterName!: string;
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
}

@InputType({ description: 'A request received by post, telephone, fax, e-mail or in person, entered by staff.' })
export class CreateProviderRequestInput {
  @Field(() => RequestKindEnum) kind!: RequestKind;
  @Field(() => RequestChannelEnum) channel!: RequestChannel;
  @Field(() => Date, {
    nullable: true,
    description: 'When it reached the organisation; defaults to now. The due date counts from it.',
  })
  receivedAt?: Date | null;
  @Field(() => String) @MaxLength(1000) requesterName!: string;
  @Field(() => String) @MaxLength(1000) contact!: string;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(20_000) details?: string | null;
  @Field(() => [String], { nullable: true }) @ArrayMaxSize(20) @MaxLength(200, { each: true }) cookieConsentIds?:
    string[] | null;
  @Field(() => ID, { nullable: true, description: 'The provider, when already known.' }) @MaxLength(100) providerId?:
    string | null;
}

@InputType()
export class ProviderRequestFilter {
  @Field(() => RequestStatusEnum, { nullable: true }) status?: RequestStatus | null;
  @Field(() => RequestKindEnum, { nullable: true }) kind?: RequestKind | null;
  @Field(() => RequestUrgencyEnum, { nullable: true, description: 'OVERDUE or DUE_SOON: open requests only.' })
  urgency?: 'OVERDUE' | 'DUE_SOON' | 'ON_TRACK' | 'CLOSED' | null;
  @Field(() => Boolean, { nullable: true, description: 'Only open (true) or closed (false) requests.' }) open?:
    boolean | null;
  @Field(() => ID, { nullable: true }) @MaxLength(100) providerId?: string | null;
}

@InputType()
export class VerifyRequestIdentityInput {
  @Field(() => ID) @MaxLength(100) requestId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => VerificationMethodEnum) method!: VerificationMethod;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'What was checked; never a document number.' })
  @MaxLength(10_000)
  note?: string | null;
}

@InputType()
export class ChangeRequestStatusInput {
  @Field(() => ID) @MaxLength(100) requestId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => RequestStatusEnum) status!: RequestStatus;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'Required to reject; for COMPLETED, what was done.' })
  @MaxLength(10_000)
  reason?: string | null;
}

@InputType({
  description: 'One amended item: a new value for an item, a new item (no itemId), or a removal (no value).',
})
export class AmendmentChangeInput {
  @Field(() => ID, { nullable: true }) @MaxLength(100) itemId?: string | null;
  @Field(() => DataCategoryEnum) category!: DataCategory;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(10_000) value?: string | null;
}

@InputType()
export class ApplyAmendmentInput {
  @Field(() => ID) @MaxLength(100) requestId!: string;
  @Field(() => Int, { description: "The provider's version as read: a stale amendment is refused with CONFLICT." })
  expectedProviderVersion!: number;
  @Field(() => [AmendmentChangeInput])
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  changes!: AmendmentChangeInput[];
}

@InputType({ description: 'What to stop: use for purposes, provision to recipients (or to everyone).' })
export class ApplyCessationInput {
  @Field(() => ID) @MaxLength(100) requestId!: string;
  @Field(() => Int) expectedProviderVersion!: number;
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
