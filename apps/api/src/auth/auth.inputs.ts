import type { AdminRole } from '@steward/policy-core';
import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { AdminRoleEnum } from '../common/enums.js';

@InputType()
export class LoginInput {
  @Field(() => String)
  @MaxLength(254)
  email!: string;

  @Field(() => String)
  @MaxLength(256)
  password!: string;
}

@InputType()
export class CreateAdminUserInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => AdminRoleEnum)
  role!: AdminRole;

  @Field(() => String)
  password!: string;
}
