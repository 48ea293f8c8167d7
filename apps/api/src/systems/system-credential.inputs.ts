import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

// class-validator only bounds sizes; the text rules are policy-core's validateText.

@InputType({ description: "A key to issue for one of the organisation's own systems." })
export class IssueSystemKeyInput {
  @Field(() => String, { description: 'The system the key is for, e.g. "Membership database".' })
  @MaxLength(1000)
  systemName!: string;
  @Field(() => String, { description: 'What tells this key apart, e.g. "Nightly sync on db01".' })
  @MaxLength(1000)
  label!: string;
}

@InputType({ description: "Which internal system's key to revoke." })
export class RevokeSystemKeyInput {
  @Field(() => ID, {
    description: "The system credential's id (`SystemCredential.id`); the key stops working at once.",
  })
  id!: string;
}
