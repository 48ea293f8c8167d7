import type { CookieCategory, CookieStorageKind } from '@steward/policy-core';
import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { CookieCategoryEnum, CookieStorageKindEnum } from '../common/enums.js';

// class-validator only bounds sizes (cheap refusal of oversized payloads before any work); the
// rules are policy-core's (validateCookieChoice, validateCookieSite, isVisitorId, …).

@InputType({ description: 'A text in both languages.' })
export class CookieTextInput {
  @Field(() => String, { description: 'The English text.' }) @MaxLength(5000) en!: string;
  @Field(() => String, { description: 'The Japanese text.' }) @MaxLength(5000) ja!: string;
}

@InputType({ description: "A visitor's choice for one cookie category." })
export class CookieCategoryChoiceInput {
  @Field(() => CookieCategoryEnum, { description: 'The category.' }) category!: CookieCategory;
  @Field(() => Boolean, { description: 'True to accept the category; STRICTLY_NECESSARY cannot be refused.' })
  accepted!: boolean;
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
  @Field(() => String, { description: "The site's public key." }) siteKey!: string;
  @Field(() => String, { description: "The visitor's id, as the banner keeps it." }) visitorId!: string;
  @Field(() => String, {
    description: 'A key the banner makes once per withdrawal; a retry with the same key answers the same receipt.',
  })
  idempotencyKey!: string;
  @Field(() => Int, { description: 'The privacy policy version the banner showed.' }) policyVersion!: number;
  @Field(() => Boolean, { description: 'Whether the browser sends a Global Privacy Control signal.' }) gpc!: boolean;
}

@InputType({ description: "The organisation's wording of one cookie category in the banner." })
export class UpdateCookieCategoryInput {
  @Field(() => CookieCategoryEnum, { description: 'The category.' }) category!: CookieCategory;
  @Field(() => CookieTextInput, { description: 'Its name, in both languages.' })
  @ValidateNested()
  label!: CookieTextInput;
  @Extensions(MULTILINE)
  @Field(() => CookieTextInput, { description: 'What its cookies do, in both languages (several lines allowed).' })
  @ValidateNested()
  description!: CookieTextInput;
}

@InputType({ description: "A site's settings: name, domains, origins, consent lifetime, GPC and banner texts." })
export class CookieSiteInput {
  @Field(() => String, { description: "The site's name, as staff know it." }) @MaxLength(1000) name!: string;
  @Field(() => [String], { description: "The site's domains (host names; at most 100)." })
  @ArrayMaxSize(100)
  @MaxLength(300, { each: true })
  domains!: string[];
  @Field(() => [String], {
    description: 'Origins (scheme://host[:port]) allowed to call the consent API and load the banner.',
  })
  @ArrayMaxSize(100)
  @MaxLength(300, { each: true })
  allowedOrigins!: string[];
  @Field(() => Int, { description: 'How many days a choice lasts before the banner asks again.' })
  consentLifetimeDays!: number;
  @Field(() => Boolean, {
    description: 'True to treat a Global Privacy Control signal as refusing the optional categories.',
  })
  honoursGpc!: boolean;
  @Field(() => CookieTextInput, { description: "The banner's title in both languages." })
  @ValidateNested()
  bannerTitle!: CookieTextInput;
  @Extensions(MULTILINE)
  @Field(() => CookieTextInput, { description: "The banner's text in both languages (several lines allowed)." })
  @ValidateNested()
  bannerText!: CookieTextInput;
}

@InputType({ description: 'A tracker to declare on a site.' })
export class CookieDeclarationInput {
  @Field(() => ID, { description: 'The cookie site that declares it.' }) @MaxLength(100) siteId!: string;
  @Field(() => String, { description: "The cookie or storage key's name." }) @MaxLength(1000) name!: string;
  @Field(() => String, { description: 'The domain that sets it (stored in lower case).' })
  @MaxLength(1000)
  domain!: string;
  @Field(() => CookieCategoryEnum, { description: 'The category it belongs to.' }) category!: CookieCategory;
  @Field(() => String, { description: 'Who provides it.' }) @MaxLength(1000) vendor!: string;
  @Extensions(MULTILINE)
  @Field(() => CookieTextInput, { description: 'What it is for, in both languages (several lines allowed).' })
  @ValidateNested()
  purpose!: CookieTextInput;
  @Field(() => Int, { nullable: true, description: 'Null: until the browser session ends.' }) durationDays?:
    number | null;
  @Field(() => CookieStorageKindEnum, { description: 'Where it keeps its data in the browser.' })
  storageKind!: CookieStorageKind;
}

@InputType({ description: "A site's new settings: every field of CookieSiteInput, replacing the old values." })
export class UpdateCookieSiteInput extends CookieSiteInput {
  @Field(() => ID, { description: 'The cookie site to change.' }) id!: string;
}

@InputType({ description: "A declaration's new wording: every field of CookieDeclarationInput, replacing the old." })
export class UpdateCookieDeclarationInput extends CookieDeclarationInput {
  @Field(() => ID, { description: 'The declaration to change; it stays with its site (`siteId` must not change).' })
  id!: string;
}

@InputType({ description: 'Which declaration to delete.' })
export class DeleteCookieDeclarationInput {
  @Field(() => ID, { description: 'The declaration to delete; the banner stops listing it at once.' }) id!: string;
}
