import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { AdminUserProfile } from './admin-user.type.js';

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
export class CreateAdminUserInput extends AdminUserProfile {
  @Field(() => String)
  password!: string;
}
