import { MaxLength } from 'class-validator';
import { Extensions, Field, InputType, Int } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';

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
}
