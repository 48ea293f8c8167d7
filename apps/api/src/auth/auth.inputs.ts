import type { AdminRole } from '@steward/policy-core';
import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AdminRoleEnum, LanguageEnum } from '../common/enums.js';
import type { Language } from '../i18n/language.js';

@InputType({ description: 'Sign-in with e-mail and password, and the second factor when the account has one.' })
export class LoginInput {
  @Field(() => String, { description: 'The e-mail address of the staff account.' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { description: "The account's password." })
  @MaxLength(256)
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The 6-digit code of the authenticator app, or a recovery code (MFA_REQUIRED asks for it).',
  })
  @MaxLength(32)
  code?: string | null;
}

@InputType({ description: 'A staff account an owner creates with a password of their choosing (prefer inviteStaff).' })
export class CreateAdminUserInput {
  @Field(() => String, { description: 'The e-mail address the member signs in with; unique.' })
  email!: string;

  @Field(() => String, { description: "The member's name as colleagues and records show it." })
  displayName!: string;

  @Field(() => AdminRoleEnum, { description: 'What the member may do.' })
  role!: AdminRole;

  @Field(() => String, {
    description: 'The first password; the member must change it at first sign-in. Refused when easy to guess.',
  })
  password!: string;
}

@InputType({ description: 'Invite someone to the staff: they choose their password from the link.' })
export class InviteStaffInput {
  @Field(() => String, { description: "The invitee's e-mail: their sign-in name." })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { description: 'Their name as colleagues and the audit trail see it.' })
  @MaxLength(120)
  displayName!: string;

  @Field(() => AdminRoleEnum, { description: 'The role they get when they accept.' })
  role!: AdminRole;
}

@InputType({ description: 'One staff account or invitation, by id.' })
export class StaffIdInput {
  @Field(() => ID, { description: 'The staff account (or invitation) id.' })
  id!: string;
}

@InputType({ description: "A new role for a member (never one's own; the last active owner stays an owner)." })
export class ChangeStaffRoleInput {
  @Field(() => ID, { description: 'The staff account id.' })
  id!: string;

  @Field(() => AdminRoleEnum, { description: 'The new role.' })
  role!: AdminRole;
}

@InputType({ description: 'Accept an invitation: the token from its link and the password chosen.' })
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The token after # in the invitation link.' })
  @MaxLength(100)
  token!: string;

  @Field(() => String, { description: 'The password the invitee chooses (12–256 characters, not easy to guess).' })
  @MaxLength(256)
  password!: string;
}

@InputType({ description: 'Change your own password: the current one proves it is you.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'Your password now.' })
  @MaxLength(256)
  currentPassword!: string;

  @Field(() => String, { description: 'The new password (12–256 characters, not easy to guess).' })
  @MaxLength(256)
  newPassword!: string;
}

@InputType({ description: 'One of your own sessions, by its id (StaffSession.id).' })
export class EndSessionInput {
  @Field(() => ID, { description: 'StaffSession.id from mySessions.' })
  id!: string;
}

@InputType({ description: 'A code from the authenticator app.' })
export class TotpCodeInput {
  @Field(() => String, { description: 'The 6-digit code the app shows now.' })
  @MaxLength(32)
  code!: string;
}

@InputType({ description: 'Confirm an authenticator app: its first code, and your password to prove it is you.' })
export class ConfirmTotpEnrolmentInput {
  @Field(() => String, { description: 'The 6-digit code the app shows now.' })
  @MaxLength(32)
  code!: string;

  @Field(() => String, { description: 'Your password.' })
  @MaxLength(256)
  password!: string;
}

@InputType({ description: 'Remove your own second factor: your password proves it is you.' })
export class DisableTotpInput {
  @Field(() => String, { description: 'Your password.' })
  @MaxLength(256)
  password!: string;
}

@InputType({ description: 'Whether owners and privacy officers must use a second factor.' })
export class SetMfaRequirementInput {
  @Field(() => Boolean, { description: 'True: owners and privacy officers must enrol; false: each member chooses.' })
  required!: boolean;
}

@InputType({ description: 'The language you read Steward in.' })
export class SetMyLanguageInput {
  @Field(() => LanguageEnum, {
    nullable: true,
    description: "JA or EN; null (or left out): follow the organisation's default language.",
  })
  language?: Language | null;
}
