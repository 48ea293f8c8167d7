import { MaxLength } from 'class-validator';
import { Extensions, Field, InputType } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { RecipientKindEnum } from '../common/enums.js';
import type { RecipientKind } from './recipient-kinds.js';

// class-validator only bounds sizes; the text rules are policy-core's validateText.

@InputType()
export class CreateRecipientInput {
  @Field(() => String) @MaxLength(1000) name!: string;
  @Field(() => RecipientKindEnum) kind!: RecipientKind;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(10_000) contact?: string | null;
  @Extensions(MULTILINE) @Field(() => String, { nullable: true }) @MaxLength(10_000) notes?: string | null;
}
