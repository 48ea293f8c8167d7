import { Field, ID, ObjectType } from 'type-graphql';
import { KeyCredentialType } from '../common/api-key.type.js';
import { RecipientKindEnum } from '../common/enums.js';
import type { RecipientKind } from './recipient-kinds.js';

@ObjectType('PartnerCredential', {
  description: "An API key of a recipient's system; the secret is never shown again.",
})
export class PartnerCredentialType extends KeyCredentialType {}

@ObjectType('Recipient', {
  description: 'An outside organisation (contractor, third party, authority) that may receive data.',
})
export class RecipientType {
  @Field(() => ID, { description: "The recipient's id." }) id!: string;
  @Field(() => String, { description: "The recipient's name." }) name!: string;
  @Field(() => RecipientKindEnum, { description: 'Who they are to the organisation.' }) kind!: RecipientKind;
  @Field(() => String, { nullable: true, description: 'How to reach them; null if not recorded.' }) contact!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Staff notes; null if none.' }) notes!: string | null;
  @Field(() => Date, { description: 'When they were added.' }) createdAt!: Date;
  @Field(() => [PartnerCredentialType], { description: 'Newest first, revoked ones included.' })
  credentials!: PartnerCredentialType[];
}

@ObjectType('IssuedPartnerKey', {
  description: 'A newly issued partner key: the secret is shown here once and never again.',
})
export class IssuedPartnerKeyType {
  @Field(() => String, { description: 'The whole key. Shown this once only: Steward keeps just a hash of it.' })
  key!: string;
  @Field(() => PartnerCredentialType, { description: "The key's record (without the secret), as later lists show it." })
  credential!: PartnerCredentialType;
}
