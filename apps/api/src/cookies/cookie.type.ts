import type { CookieCategory, CookieConsentAction, CookieStorageKind } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CookieCategoryEnum, CookieConsentActionEnum, CookieStorageKindEnum } from '../common/enums.js';

@ObjectType('CookieText', { description: 'A text in both languages.' })
export class CookieTextType {
  @Field(() => String) en!: string;
  @Field(() => String) ja!: string;
}

@ObjectType('CookieCategoryInfo', { description: "A cookie category with the organisation's wording." })
export class CookieCategoryInfoType {
  @Field(() => CookieCategoryEnum) category!: CookieCategory;
  @Field(() => CookieTextType) label!: CookieTextType;
  @Field(() => CookieTextType) description!: CookieTextType;
  @Field(() => Boolean, { description: 'Always on; cannot be refused.' }) required!: boolean;
  @Field(() => Boolean, { description: 'Turned off by Global Privacy Control where the site honours it.' })
  gpcOptOut!: boolean;
}

@ObjectType('CookieDeclaration')
export class CookieDeclarationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) domain!: string;
  @Field(() => CookieCategoryEnum) category!: CookieCategory;
  @Field(() => String) vendor!: string;
  @Field(() => CookieTextType) purpose!: CookieTextType;
  @Field(() => Int, { nullable: true }) durationDays!: number | null;
  @Field(() => CookieStorageKindEnum) storageKind!: CookieStorageKind;
}

@ObjectType('CookieSite')
export class CookieSiteType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Public key the banner names the site with (data-site).' }) siteKey!: string;
  @Field(() => [String]) domains!: string[];
  @Field(() => [String]) allowedOrigins!: string[];
  @Field(() => Int) consentLifetimeDays!: number;
  @Field(() => Boolean) honoursGpc!: boolean;
  @Field(() => CookieTextType) bannerTitle!: CookieTextType;
  @Field(() => CookieTextType) bannerText!: CookieTextType;
  @Field(() => [CookieDeclarationType]) declarations!: CookieDeclarationType[];
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('CookieBannerCategory')
export class CookieBannerCategoryType {
  @Field(() => CookieCategoryEnum) category!: CookieCategory;
  @Field(() => String) label!: string;
  @Field(() => String) description!: string;
  @Field(() => Boolean) required!: boolean;
}

@ObjectType('CookieBannerDeclaration')
export class CookieBannerDeclarationType {
  @Field(() => String) name!: string;
  @Field(() => String) domain!: string;
  @Field(() => CookieCategoryEnum) category!: CookieCategory;
  @Field(() => String) vendor!: string;
  @Field(() => String) purpose!: string;
  @Field(() => Int, { nullable: true }) durationDays!: number | null;
  @Field(() => CookieStorageKindEnum) storageKind!: CookieStorageKind;
}

@ObjectType('CookieBanner', { description: 'What the embeddable banner shows for a site, in one language.' })
export class CookieBannerType {
  @Field(() => String) siteKey!: string;
  @Field(() => String, { description: 'en or ja.' }) locale!: string;
  @Field(() => String) title!: string;
  @Field(() => String) text!: string;
  @Field(() => Int) policyVersion!: number;
  @Field(() => Int) consentLifetimeDays!: number;
  @Field(() => Boolean) honoursGpc!: boolean;
  @Field(() => [CookieBannerCategoryType]) categories!: CookieBannerCategoryType[];
  @Field(() => [CookieBannerDeclarationType]) declarations!: CookieBannerDeclarationType[];
}

@ObjectType('CookieCategoryChoice')
export class CookieCategoryChoiceType {
  @Field(() => CookieCategoryEnum) category!: CookieCategory;
  @Field(() => Boolean) accepted!: boolean;
}

@ObjectType('CookieConsentReceipt', {
  description: 'What was stored; the same receipt answers every retry with the same idempotency key.',
})
export class CookieConsentReceiptType {
  @Field(() => ID, { description: 'The consent event id: quote it to the organisation.' }) receiptId!: string;
  @Field(() => CookieConsentActionEnum) action!: CookieConsentAction;
  @Field(() => [CookieCategoryChoiceType], { description: 'As stored, after Global Privacy Control.' })
  choices!: CookieCategoryChoiceType[];
  @Field(() => Boolean) gpc!: boolean;
  @Field(() => Boolean, { description: 'GPC turned off a category the visitor had accepted.' }) gpcApplied!: boolean;
  @Field(() => Int) policyVersion!: number;
  @Field(() => Date) recordedAt!: Date;
  @Field(() => Date, { description: 'After this the banner asks again.' }) expiresAt!: Date;
}

@ObjectType('CookieConsentStatus', { description: "A visitor's current choice on a site." })
export class CookieConsentStatusType {
  @Field(() => ID) receiptId!: string;
  @Field(() => CookieConsentActionEnum) action!: CookieConsentAction;
  @Field(() => [CookieCategoryChoiceType]) choices!: CookieCategoryChoiceType[];
  @Field(() => Boolean) gpc!: boolean;
  @Field(() => Int) policyVersion!: number;
  @Field(() => Date) recordedAt!: Date;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Boolean, { description: 'The lifetime has passed: the banner asks again.' }) expired!: boolean;
}

@ObjectType('CookieConsentHistoryEntry', {
  description: 'One recorded choice or withdrawal of a visitor (admin view).',
})
export class CookieConsentHistoryEntryType {
  @Field(() => ID) receiptId!: string;
  @Field(() => ID) siteId!: string;
  @Field(() => String) siteName!: string;
  @Field(() => String) visitorId!: string;
  @Field(() => CookieConsentActionEnum) action!: CookieConsentAction;
  @Field(() => [CookieCategoryChoiceType]) choices!: CookieCategoryChoiceType[];
  @Field(() => Boolean) gpc!: boolean;
  @Field(() => Boolean) gpcApplied!: boolean;
  @Field(() => Int) policyVersion!: number;
  @Field(() => Date) recordedAt!: Date;
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
  @Field(() => ID) siteId!: string;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => [CookieConsentStatsDayType], {
    description: 'Days on which at least one visitor recorded a choice or withdrawal, oldest first.',
  })
  days!: CookieConsentStatsDayType[];
}
