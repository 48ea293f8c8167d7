import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LanguageEnum } from '../common/enums.js';
import type { Language } from '../i18n/language.js';

@ObjectType('SecretariatContact', { description: 'Where inquiries about personal information go (clause 8).' })
export class SecretariatContactType {
  @Field(() => String, {
    description:
      "The secretariat's name in one language: the page's on publicPolicy (the other when not written in it), English on organisation.",
  })
  name!: string;
  @Field(() => String, { description: 'The postal address in the same language as name (may span lines).' })
  postalAddress!: string;
  @Field(() => String, { description: 'Office hours in the same language as name; empty when none are given.' })
  officeHours!: string;
  @Field(() => String, { description: "The secretariat's name in Japanese; empty when not written in Japanese." })
  nameJa!: string;
  @Field(() => String, { description: "The secretariat's name in English." })
  nameEn!: string;
  @Field(() => String, { description: 'The postal address in Japanese; empty when not written in Japanese.' })
  postalAddressJa!: string;
  @Field(() => String, { description: 'The postal address in English.' })
  postalAddressEn!: string;
  @Field(() => String, { description: 'Office hours in Japanese; may be empty.' })
  officeHoursJa!: string;
  @Field(() => String, { description: 'Office hours in English; may be empty.' })
  officeHoursEn!: string;
  @Field(() => String, { description: 'Its telephone number.' }) telephone!: string;
  @Field(() => String, { description: 'Its fax number.' }) fax!: string;
  @Field(() => String, { description: 'Its e-mail address.' }) email!: string;
}

@ObjectType('Organisation', {
  description: "The organisation running Steward, with its secretariat's contact (public: the privacy pages show it).",
})
export class OrganisationType {
  @Field(() => ID, { description: "The organisation's id." }) id!: string;
  @Field(() => String, { description: 'Its name in English.' }) name!: string;
  @Field(() => String, { description: 'Its name in Japanese.' }) nameJa!: string;
  @Field(() => SecretariatContactType, { description: 'Where inquiries about personal information go (clause 8).' })
  secretariat!: SecretariatContactType;
  @Field(() => String, {
    description:
      "The organisation's IANA time zone (e.g. Asia/Tokyo): its calendar for due dates, and the zone dates are shown in. Owners set it with updateRequestSettings.",
  })
  timeZone!: string;
  @Field(() => LanguageEnum, {
    description:
      'The language of members who chose none and of the sign-in page (public: the sign-in page reads it before anyone signs in).',
  })
  defaultLanguage!: Language;
  @Field(() => Int, { description: 'Optimistic lock: pass it back as expectedVersion when editing.' }) version!: number;
}
