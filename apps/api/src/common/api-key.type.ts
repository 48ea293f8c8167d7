import { Field, ID, ObjectType } from 'type-graphql';

/**
 * The fields every API key shows (partner keys and internal systems' keys); never the secret. Not a
 * GraphQL type of its own (nothing returns it, so the schema leaves it out): each key type extends it.
 */
@ObjectType()
export abstract class ApiKeyType {
  @Field(() => ID, { description: "The key's id (for revoking it)." })
  id!: string;

  @Field(() => String, { description: 'What the key is for, as its issuer named it (e.g. "Production server").' })
  label!: string;

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
