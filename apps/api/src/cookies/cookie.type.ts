import type { CookieCategory, CookieConsentAction, CookieStorageKind } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CookieCategoryEnum, CookieConsentActionEnum, CookieStorageKindEnum } from '../common/enums.js';

@ObjectType('CookieText', { description: 'A text in both languages.' })
export class CookieTextType {
  @Field(() => String, { description: 'The English text.' }) en!: string;
  @Field(() => String, { description: 'The Japanese text.' }) ja!: string;
}

@ObjectType('CookieCategoryInfo', { description: "A cookie category with the organisation's wording." })
export class CookieCategoryInfoType {
  @Field(() => CookieCategoryEnum, { description: 'The category.' }) category!: CookieCategory;
  @Field(() => CookieTextType, { description: "The category's name as the banner shows it." }) label!: CookieTextType;
  @Field(() => CookieTextType, { description: "What the category's cookies do, as the banner explains it." })
  description!: CookieTextType;
  @Field(() => Boolean, { description: 'Always on; cannot be refused.' }) required!: boolean;
  @Field(() => Boolean, { description: 'Turned off by Global Privacy Control where the site honours it.' })
  gpcOptOut!: boolean;
}

@ObjectType('CookieDeclaration', {
  description: "A tracker a site declares (cookie, storage key or pixel), shown in the banner's details.",
})
export class CookieDeclarationType {
  @Field(() => ID, { description: "The declaration's id." }) id!: string;
  @Field(() => ID, { description: 'The cookie site that declares it.' }) siteId!: string;
  @Field(() => String, { description: "The cookie or storage key's name." }) name!: string;
  @Field(() => String, { description: 'The domain that sets it.' }) domain!: string;
  @Field(() => CookieCategoryEnum, {
    description: 'The category it belongs to; it may run only when that category is accepted.',
  })
  category!: CookieCategory;
  @Field(() => String, { description: 'Who provides it.' }) vendor!: string;
  @Field(() => CookieTextType, { description: 'What it is for, in both languages.' }) purpose!: CookieTextType;
  @Field(() => Int, { nullable: true, description: 'How many days it is kept; null until the browser session ends.' })
  durationDays!: number | null;
  @Field(() => CookieStorageKindEnum, { description: 'Where it keeps its data in the browser.' })
  storageKind!: CookieStorageKind;
}

@ObjectType('CookieSite', {
  description: 'A website that shows the cookie banner, with its key, settings and declared trackers (staff only).',
})
export class CookieSiteType {
  @Field(() => ID, { description: "The site's id (staff use; the banner uses the public site key)." }) id!: string;
  @Field(() => String, { description: "The site's name, as staff know it." }) name!: string;
  @Field(() => String, { description: 'Public key the banner names the site with (data-site).' }) siteKey!: string;
  @Field(() => [String], { description: "The site's domains (host names)." }) domains!: string[];
  @Field(() => [String], {
    description: 'Origins (scheme://host[:port]) allowed to call the consent API and load the banner.',
  })
  allowedOrigins!: string[];
  @Field(() => Int, { description: "How many days a visitor's choice lasts before the banner asks again." })
  consentLifetimeDays!: number;
  @Field(() => Boolean, { description: 'Whether a Global Privacy Control signal refuses the optional categories.' })
  honoursGpc!: boolean;
  @Field(() => CookieTextType, { description: "The banner's title in both languages." }) bannerTitle!: CookieTextType;
  @Field(() => CookieTextType, { description: "The banner's text in both languages." }) bannerText!: CookieTextType;
  @Field(() => [CookieDeclarationType], { description: 'The trackers the site declares.' })
  declarations!: CookieDeclarationType[];
  @Field(() => Date, { description: 'When the site was added.' }) createdAt!: Date;
}

@ObjectType('CookieBannerCategory', { description: 'A cookie category as the banner shows it, in one language.' })
export class CookieBannerCategoryType {
  @Field(() => CookieCategoryEnum, { description: 'The category.' }) category!: CookieCategory;
  @Field(() => String, { description: "The category's name, in the language asked." }) label!: string;
  @Field(() => String, { description: "What the category's cookies do, in the language asked." }) description!: string;
  @Field(() => Boolean, { description: 'True for STRICTLY_NECESSARY: shown, but cannot be refused.' })
  required!: boolean;
}

@ObjectType('CookieBannerDeclaration', { description: 'A declared tracker as the banner shows it, in one language.' })
export class CookieBannerDeclarationType {
  @Field(() => String, { description: "The cookie or storage key's name." }) name!: string;
  @Field(() => String, { description: 'The domain that sets it.' }) domain!: string;
  @Field(() => CookieCategoryEnum, {
    description: 'The category the tracker belongs to; it runs only when that category is accepted.',
  })
  category!: CookieCategory;
  @Field(() => String, { description: 'Who provides it (e.g. the analytics vendor).' }) vendor!: string;
  @Field(() => String, { description: 'What it is for, in the language asked.' }) purpose!: string;
  @Field(() => Int, { nullable: true, description: 'How many days it is kept; null until the browser session ends.' })
  durationDays!: number | null;
  @Field(() => CookieStorageKindEnum, { description: 'Where it keeps its data in the browser.' })
  storageKind!: CookieStorageKind;
}

@ObjectType('CookieBanner', { description: 'What the embeddable banner shows for a site, in one language.' })
export class CookieBannerType {
  @Field(() => String, { description: "The site's public key, as asked." }) siteKey!: string;
  @Field(() => String, { description: 'en or ja.' }) locale!: string;
  @Field(() => String, { description: "The banner's title in the language asked." }) title!: string;
  @Field(() => String, { description: "The banner's text in the language asked." }) text!: string;
  @Field(() => Int, { description: 'The privacy policy version in force; send it back with the choice.' })
  policyVersion!: number;
  @Field(() => Int, { description: 'How many days a choice lasts before the banner asks again.' })
  consentLifetimeDays!: number;
  @Field(() => Boolean, {
    description:
      "Whether the site treats a browser's Global Privacy Control signal as refusing the optional categories.",
  })
  honoursGpc!: boolean;
  @Field(() => [CookieBannerCategoryType], {
    description: 'The cookie categories the visitor may choose from, in order.',
  })
  categories!: CookieBannerCategoryType[];
  @Field(() => [CookieBannerDeclarationType], {
    description: "Every tracker the site declares, for the banner's details.",
  })
  declarations!: CookieBannerDeclarationType[];
}

@ObjectType('CookieCategoryChoice', { description: 'Whether a visitor accepted one cookie category.' })
export class CookieCategoryChoiceType {
  @Field(() => CookieCategoryEnum, { description: 'The category.' }) category!: CookieCategory;
  @Field(() => Boolean, { description: 'True if accepted (always true for STRICTLY_NECESSARY).' }) accepted!: boolean;
}

@ObjectType('CookieConsentReceipt', {
  description: 'What was stored; the same receipt answers every retry with the same idempotency key.',
})
export class CookieConsentReceiptType {
  @Field(() => ID, { description: 'The consent event id: quote it to the organisation.' }) receiptId!: string;
  @Field(() => CookieConsentActionEnum, { description: 'A choice, or a withdrawal.' }) action!: CookieConsentAction;
  @Field(() => [CookieCategoryChoiceType], { description: 'As stored, after Global Privacy Control.' })
  choices!: CookieCategoryChoiceType[];
  @Field(() => Boolean, { description: 'Whether a Global Privacy Control signal came with it.' }) gpc!: boolean;
  @Field(() => Boolean, { description: 'GPC turned off a category the visitor had accepted.' }) gpcApplied!: boolean;
  @Field(() => Int, { description: 'The privacy policy version the banner showed.' }) policyVersion!: number;
  @Field(() => Date, { description: 'When it was recorded (the first time, for a retry).' }) recordedAt!: Date;
  @Field(() => Date, { description: 'After this the banner asks again.' }) expiresAt!: Date;
}

@ObjectType('CookieConsentStatus', { description: "A visitor's current choice on a site." })
export class CookieConsentStatusType {
  @Field(() => ID, { description: "The receipt's id, which the visitor may quote." }) receiptId!: string;
  @Field(() => CookieConsentActionEnum, { description: 'A choice, or a withdrawal.' }) action!: CookieConsentAction;
  @Field(() => [CookieCategoryChoiceType], { description: 'Every category with whether it is accepted.' })
  choices!: CookieCategoryChoiceType[];
  @Field(() => Boolean, { description: 'Whether a Global Privacy Control signal came with it.' }) gpc!: boolean;
  @Field(() => Int, {
    description: 'The privacy policy version the banner showed; a newer one in force may mean asking again.',
  })
  policyVersion!: number;
  @Field(() => Date, { description: 'When the choice was recorded.' }) recordedAt!: Date;
  @Field(() => Date, {
    description: "When the choice lapses and the banner asks again (recorded time plus the site's consent lifetime).",
  })
  expiresAt!: Date;
  @Field(() => Boolean, { description: 'The lifetime has passed: the banner asks again.' }) expired!: boolean;
}

@ObjectType('CookieConsentHistoryEntry', {
  description: 'One recorded choice or withdrawal of a visitor (admin view).',
})
export class CookieConsentHistoryEntryType {
  @Field(() => ID, { description: "The receipt's id, which the visitor may quote." }) receiptId!: string;
  @Field(() => ID, { description: 'The cookie site.' }) siteId!: string;
  @Field(() => String, { description: "The cookie site's name." }) siteName!: string;
  @Field(() => String, { description: "The visitor's id, as the banner shows it to them." }) visitorId!: string;
  @Field(() => CookieConsentActionEnum, { description: 'A choice, or a withdrawal of every optional category.' })
  action!: CookieConsentAction;
  @Field(() => [CookieCategoryChoiceType], { description: 'Every category with whether it was accepted.' })
  choices!: CookieCategoryChoiceType[];
  @Field(() => Boolean, { description: 'Whether the browser sent a Global Privacy Control signal.' }) gpc!: boolean;
  @Field(() => Boolean, { description: 'Whether that signal refused the optional categories (the site honours GPC).' })
  gpcApplied!: boolean;
  @Field(() => Int, { description: 'The privacy policy version the banner showed.' }) policyVersion!: number;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType('CookieConsentStatsDay', {
  description: 'One UTC day: each visitor who recorded anything that day counted once, by their last event that day.',
})
export class CookieConsentStatsDayType {
  @Field(() => String, { description: 'UTC day, YYYY-MM-DD.' }) day!: string;
  @Field(() => Int, { description: 'Visitors whose last event that day was a choice.' }) choices!: number;
  @Field(() => Int, { description: 'Visitors whose last event that day was a withdrawal.' }) withdrawals!: number;
  @Field(() => Int, { description: 'Visitors whose last event that day carried a GPC signal.' }) gpc!: number;
  @Field(() => Int, { description: 'Visitors whose last choice that day accepted functional cookies.' })
  functional!: number;
  @Field(() => Int, { description: 'Visitors whose last choice that day accepted analytics cookies.' })
  analytics!: number;
  @Field(() => Int, { description: 'Visitors whose last choice that day accepted marketing cookies.' })
  marketing!: number;
}

@ObjectType('CookieConsentStats', {
  description:
    'Visitors per UTC day, each counted once by their last choice or withdrawal that day; per category, how many had it accepted.',
})
export class CookieConsentStatsType {
  @Field(() => ID, { description: 'The cookie site counted.' }) siteId!: string;
  @Field(() => String, { description: 'The first day counted, `YYYY-MM-DD` (UTC).' }) from!: string;
  @Field(() => String, { description: 'The last day counted (today), `YYYY-MM-DD` (UTC).' }) to!: string;
  @Field(() => [CookieConsentStatsDayType], {
    description: 'Days on which at least one visitor recorded a choice or withdrawal, oldest first.',
  })
  days!: CookieConsentStatsDayType[];
}
