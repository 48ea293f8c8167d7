import { Field, InputType } from 'type-graphql';
import type { MailKind } from '@steward/policy-core';
import { MailKindEnum } from '../common/enums.js';

@InputType({ description: 'Turns one kind of notification mail on or off for you.' })
export class SetMyMailPreferenceInput {
  @Field(() => MailKindEnum, { description: 'The kind of mail (security mails cannot be turned off).' })
  kind!: MailKind;

  @Field(() => Boolean, { description: 'Whether you get it.' })
  enabled!: boolean;
}
