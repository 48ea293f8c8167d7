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
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String) @MaxLength(1000) name!: string;
  @Field(() => String) @MaxLength(1000) nameJa!: string;
  @Field(() => String) @MaxLength(1000) secretariatName!: string;
  @Extensions(MULTILINE) @Field(() => String) @MaxLength(2000) postalAddress!: string;
  @Field(() => String) @MaxLength(200) telephone!: string;
  @Field(() => String) @MaxLength(200) fax!: string;
  @Field(() => String) @MaxLength(1000) email!: string;
  @Field(() => LanguageEnum, {
    nullable: true,
    description: 'The language of members who chose none and of the sign-in page; left out or null: unchanged.',
  })
  defaultLanguage?: Language | null;
}
