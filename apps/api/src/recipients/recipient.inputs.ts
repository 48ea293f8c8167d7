import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { RecipientKindEnum } from '../common/enums.js';
import type { RecipientKind } from './recipient-kinds.js';

// class-validator only bounds sizes; the text rules are policy-core's validateText.

@InputType()
export class CreateRecipientInput {
  @Field(() => String) @MaxLength(1000) name!: string;
  @Field(() => RecipientKindEnum) kind!: RecipientKind;
  @Field(() => String, { nullable: true }) @MaxLength(10_000) contact?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(10_000) notes?: string | null;
}
