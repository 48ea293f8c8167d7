import type { AdminRole } from '@steward/policy-core';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AdminRoleEnum } from '../common/enums.js';

/**
 * Who a member of staff is: given when the account is created (CreateAdminUserInput) and shown on it
 * (AdminUser). Not a GraphQL type of its own (nothing takes or returns it, so the schema leaves it
 * out): the input and the object type extend it.
 */
@ObjectType('AdminUserProfile')
@InputType('AdminUserProfileInput')
export abstract class AdminUserProfile {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => AdminRoleEnum)
  role!: AdminRole;
}

@ObjectType('AdminUser', { description: 'A member of staff who works in the dashboard.' })
export class AdminUserType extends AdminUserProfile {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastLoginAt!: Date | null;
}
