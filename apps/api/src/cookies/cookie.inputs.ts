import type { CookieCategory, CookieStorageKind } from '@steward/policy-core';
import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { CookieCategoryEnum, CookieStorageKindEnum } from '../common/enums.js';

// class-validator only bounds sizes (cheap refusal of oversized payloads before any work); the
// rules are policy-core's (validateCookieChoice, validateCookieSite, isVisitorId, …).

@InputType({ description: 'A text in both languages.' })
export class CookieTextInput {
  @Field(() => String) @MaxLength(5000) en!: string;
  @Field(() => String) @MaxLength(5000) ja!: string;
}

@InputType()
export class CookieCategoryChoiceInput {
  @Field(() => CookieCategoryEnum) category!: CookieCategory;
  @Field(() => Boolean) accepted!: boolean;
}

// The two public write inputs skip class-validator (their resolvers pass `validate: false`): it cost
// about a sixth of the hottest path's time (bench/README.md). Their size bounds are checked by
// `publicInputBounds` in cookie-public-input.ts, before anything else; the rules are policy-core's.

@InputType({ description: "A visitor's choice from the banner (public, anonymous)." })
export class RecordCookieConsentInput {
  @Field(() => String, { description: 'At most 64 characters.' }) siteKey!: string;
  @Field(() => String, { description: 'Random id the browser made (crypto.randomUUID) and keeps in localStorage.' })
  visitorId!: string;
  @Field(() => String, {
    description:
      "8–64 characters [A-Za-z0-9_-], scoped to the visitor and the site: the visitor's retry with the same key returns the same receipt.",
  })
  idempotencyKey!: string;
  @Field(() => Int, { description: 'The policy version the banner showed.' }) policyVersion!: number;
  @Field(() => Boolean, { description: 'navigator.globalPrivacyControl as the browser reported it.' }) gpc!: boolean;
  @Field(() => [CookieCategoryChoiceInput], {
    description: 'One entry per category (at most 8); STRICTLY_NECESSARY must be accepted.',
  })
  choices!: CookieCategoryChoiceInput[];
}

@InputType({ description: 'Withdraws every optional category for this visitor on this site.' })
export class WithdrawCookieConsentInput {
  @Field(() => String) siteKey!: string;
  @Field(() => String) visitorId!: string;
  @Field(() => String) idempotencyKey!: string;
  @Field(() => Int) policyVersion!: number;
  @Field(() => Boolean) gpc!: boolean;
}

@InputType()
export class UpdateCookieCategoryInput {
  @Field(() => CookieCategoryEnum) category!: CookieCategory;
  @Field(() => CookieTextInput) @ValidateNested() label!: CookieTextInput;
  @Extensions(MULTILINE) @Field(() => CookieTextInput) @ValidateNested() description!: CookieTextInput;
}

@InputType()
export class CookieSiteInput {
  @Field(() => String) @MaxLength(1000) name!: string;
  @Field(() => [String]) @ArrayMaxSize(100) @MaxLength(300, { each: true }) domains!: string[];
  @Field(() => [String], {
    description: 'Origins (scheme://host[:port]) allowed to call the consent API and load the banner.',
  })
  @ArrayMaxSize(100)
  @MaxLength(300, { each: true })
  allowedOrigins!: string[];
  @Field(() => Int) consentLifetimeDays!: number;
  @Field(() => Boolean) honoursGpc!: boolean;
  @Field(() => CookieTextInput) @ValidateNested() bannerTitle!: CookieTextInput;
  @Extensions(MULTILINE) @Field(() => CookieTextInput) @ValidateNested() bannerText!: CookieTextInput;
}

@InputType()
export class CookieDeclarationInput {
  @Field(() => ID) @MaxLength(100) siteId!: string;
  @Field(() => String) @MaxLength(1000) name!: string;
  @Field(() => String) @MaxLength(1000) domain!: string;
  @Field(() => CookieCategoryEnum) category!: CookieCategory;
  @Field(() => String) @MaxLength(1000) vendor!: string;
  @Extensions(MULTILINE) @Field(() => CookieTextInput) @ValidateNested() purpose!: CookieTextInput;
  @Field(() => Int, { nullable: true, description: 'Null: until the browser session ends.' }) durationDays?:
    number | null;
  @Field(() => CookieStorageKindEnum) storageKind!: CookieStorageKind;
}
