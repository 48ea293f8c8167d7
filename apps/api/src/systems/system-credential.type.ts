import { Field, ObjectType } from 'type-graphql';
import { KeyCredentialType } from '../common/api-key.type.js';

@ObjectType('SystemCredential', {
  description:
    "An internal system's key: it may ask the `decision` query and nothing else. The secret is never shown again.",
})
export class SystemCredentialType extends KeyCredentialType {
  @Field(() => String, { description: 'The system the key is for, e.g. "Membership database".' })
  systemName!: string;
}

@ObjectType('IssuedSystemKey', {
  description: 'A newly issued internal system key: the secret is shown here once and never again.',
})
export class IssuedSystemKeyType {
  @Field(() => String, { description: 'The whole key. Shown this once only: Steward keeps just a hash of it.' })
  key!: string;
  @Field(() => SystemCredentialType, { description: "The key's record (without the secret), as later lists show it." })
  credential!: SystemCredentialType;
}
