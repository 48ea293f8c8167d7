import { MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType } from 'type-graphql';
import { MULTILINE } from '../common/input-boundary.js';
import { RecipientKindEnum } from '../common/enums.js';
import type { RecipientKind } from './recipient-kinds.js';

// class-validator only bounds sizes; the text rules are policy-core's validateText.

@InputType({ description: 'A new outside recipient.' })
export class CreateRecipientInput {
  @Field(() => String, { description: "The recipient's name, shown wherever it is named." })
  @MaxLength(1000)
  name!: string;
  @Field(() => RecipientKindEnum, { description: 'Who the recipient is to the organisation.' }) kind!: RecipientKind;
  @Extensions(MULTILINE)
  @Field(() => String, {
    nullable: true,
    description: 'How to reach the recipient (several lines allowed); null if not recorded.',
  })
  @MaxLength(10_000)
  contact?: string | null;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'Staff notes (several lines allowed); null if none.' })
  @MaxLength(10_000)
  notes?: string | null;
}

@InputType({ description: 'A partner key to issue: for which recipient, and a label telling it apart.' })
export class IssuePartnerKeyInput {
  @Field(() => ID, {
    description:
      "The recipient whose system will use the key; it reads only what the recipient's exceptions in effect permit.",
  })
  recipientId!: string;
  @Field(() => String, { description: 'What the key is for, e.g. "Courier dispatch system".' }) label!: string;
}

@InputType({ description: 'Which partner key to revoke.' })
export class RevokePartnerKeyInput {
  @Field(() => ID, {
    description: "The partner credential's id (`PartnerCredential.id`); the key stops working at once.",
  })
  id!: string;
}
