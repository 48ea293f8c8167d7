import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LanguageEnum } from '../common/enums.js';
import type { Language } from '../i18n/language.js';

@ObjectType('SecretariatContact', { description: 'Where inquiries about personal information go (clause 8).' })
export class SecretariatContactType {
  @Field(() => String) name!: string;
  @Field(() => String) postalAddress!: string;
  @Field(() => String) telephone!: string;
  @Field(() => String) fax!: string;
  @Field(() => String) email!: string;
}

@ObjectType('Organisation')
export class OrganisationType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) nameJa!: string;
  @Field(() => SecretariatContactType) secretariat!: SecretariatContactType;
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
