import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

// class-validator only bounds sizes; the text rules are policy-core's validateText.

@InputType()
export class IssueSystemKeyInput {
  @Field(() => String, { description: 'The system the key is for, e.g. "Membership database".' })
  @MaxLength(1000)
  systemName!: string;
  @Field(() => String, { description: 'What tells this key apart, e.g. "Nightly sync on db01".' })
  @MaxLength(1000)
  label!: string;
}
