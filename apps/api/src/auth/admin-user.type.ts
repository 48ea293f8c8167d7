import type { AdminRole } from '@steward/policy-core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdminRoleEnum } from '../common/enums.js';

@ObjectType('AdminUser', { description: 'A member of staff who works in the dashboard.' })
export class AdminUserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => AdminRoleEnum)
  role!: AdminRole;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastLoginAt!: Date | null;
}
