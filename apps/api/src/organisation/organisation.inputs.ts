import { MaxLength } from 'class-validator';
import { Extensions, Field, InputType, Int } from 'type-graphql';
import { LanguageEnum } from '../common/enums.js';
import { MULTILINE } from '../common/input-boundary.js';
import type { Language } from '../i18n/language.js';

// Sizes only (above policy-core's limits); validateSecretariat holds the rules.
@InputType({
  description:
    "The organisation's names and the secretariat's contact details, as published with the policy (clause 8).",
})
export class UpdateOrganisationInput {
  @Field(() => Int, { description: "The organisation's `version` as read: a stale edit is refused with CONFLICT." })
  expectedVersion!: number;
  @Field(() => String, { description: "The organisation's name in English." }) @MaxLength(1000) name!: string;
  @Field(() => String, { description: 'Its name in Japanese.' }) @MaxLength(1000) nameJa!: string;
  @Field(() => String, { description: "The secretariat's name." }) @MaxLength(1000) secretariatName!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { description: "The secretariat's postal address (several lines allowed)." })
  @MaxLength(2000)
  postalAddress!: string;
  @Field(() => String, { description: "The secretariat's telephone number." }) @MaxLength(200) telephone!: string;
  @Field(() => String, { description: "The secretariat's fax number." }) @MaxLength(200) fax!: string;
  @Field(() => String, { description: "The secretariat's e-mail address." }) @MaxLength(1000) email!: string;
  @Field(() => LanguageEnum, {
    nullable: true,
    description: 'The language of members who chose none and of the sign-in page; left out or null: unchanged.',
  })
  defaultLanguage?: Language | null;
  // Bilingual contact (issue 16): optional, so a client that does not send them leaves them as they are.
  @Field(() => String, {
    nullable: true,
    description:
      "The secretariat's name in Japanese (secretariatName is the English one); empty: readers see the English. Absent: unchanged.",
  })
  @MaxLength(1000)
  secretariatNameJa?: string | null;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description:
      'The postal address in Japanese (postalAddress is the English one); empty: readers see the English. Absent: unchanged.',
  })
  @MaxLength(2000)
  postalAddressJa?: string | null;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description: "The secretariat's office hours in English, on one or more lines; may be empty. Absent: unchanged.",
  })
  @MaxLength(2000)
  officeHoursEn?: string | null;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description: "The secretariat's office hours in Japanese, on one or more lines; may be empty. Absent: unchanged.",
  })
  @MaxLength(2000)
  officeHoursJa?: string | null;
}
