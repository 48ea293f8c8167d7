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
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => RecipientKindEnum) kind!: RecipientKind;
  @Field(() => String, { nullable: true }) contact!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [PartnerCredentialType], { description: 'Newest first, revoked ones included.' })
  credentials!: PartnerCredentialType[];
}

@ObjectType('IssuedPartnerKey')
export class IssuedPartnerKeyType {
  @Field(() => String, { description: 'The whole key. Shown this once only: Steward keeps just a hash of it.' })
  key!: string;
  @Field(() => PartnerCredentialType) credential!: PartnerCredentialType;
}
