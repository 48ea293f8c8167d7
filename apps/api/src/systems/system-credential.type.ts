import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('SystemCredential', {
  description:
    "An internal system's key: it may ask the `decision` query and nothing else. The secret is never shown again.",
})
export class SystemCredentialType {
  @Field(() => ID) id!: string;
  @Field(() => String) systemName!: string;
  @Field(() => String) label!: string;
  @Field(() => String, { description: 'The public part of the key (`sys_<keyId>_…`), to tell keys apart.' })
  keyId!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String) createdBy!: string;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => Boolean) revoked!: boolean;
}

@ObjectType('IssuedSystemKey')
export class IssuedSystemKeyType {
  @Field(() => String, { description: 'The whole key. Shown this once only: Steward keeps just a hash of it.' })
  key!: string;
  @Field(() => SystemCredentialType) credential!: SystemCredentialType;
}
