import { Field, ID, ObjectType } from 'type-graphql';

/** The fields every API key shows (partner keys and internal systems' keys); never the secret. */
@ObjectType('ApiKey', {
  description: "An API key's public part and state (a partner's or an internal system's); never the secret.",
})
export class ApiKeyType {
  @Field(() => String, { description: 'What the key is for, as its issuer named it (e.g. "Production server").' })
  label!: string;

  @Field(() => String, {
    description: 'The public part of the key (`stw_<keyId>_…` or `sys_<keyId>_…`), to tell keys apart.',
  })
  keyId!: string;

  @Field(() => Date, { description: 'When the key was issued.' })
  createdAt!: Date;

  @Field(() => String, { description: 'Who issued the key (display name).' })
  createdBy!: string;

  @Field(() => Date, { nullable: true, description: 'When the key was last used, to the minute; null if never.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; null while it works.' })
  revokedAt!: Date | null;

  @Field(() => Boolean, { description: 'True once revoked: every request with the key is refused.' })
  revoked!: boolean;
}

/** What a key credential type (partner or system) has besides its own fields. */
@ObjectType()
export abstract class KeyCredentialType {
  @Field(() => ID, { description: "The key's id (for revoking it)." })
  id!: string;

  @Field(() => ApiKeyType, { description: 'The key itself: its public part and state.' })
  key!: ApiKeyType;
}
