import type { AdminRole, SessionRestriction, StaffAbilities } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdminRoleEnum, LanguageEnum, SessionRestrictionEnum } from '../common/enums.js';
import type { Language } from '../i18n/language.js';

@ObjectType('StaffAbilities', {
  description: "What the caller may do with this staff account now (policy-core's staffAbilities); owners only.",
})
export class StaffAbilitiesType implements StaffAbilities {
  @Field(() => Boolean, { description: "Change the member's role (changeStaffRole)." })
  changeRole!: boolean;

  @Field(() => Boolean, { description: 'Deactivate the account, ending its sessions (deactivateStaff).' })
  deactivate!: boolean;

  @Field(() => Boolean, { description: 'Reactivate a deactivated account (reactivateStaff).' })
  reactivate!: boolean;

  @Field(() => Boolean, {
    description: 'Set a temporary password to be replaced at next sign-in (resetStaffPassword).',
  })
  resetPassword!: boolean;

  @Field(() => Boolean, { description: "Remove the member's second factor (resetStaffMfa)." })
  resetMfa!: boolean;

  @Field(() => Boolean, { description: 'End every session of the member (endStaffSessions).' })
  endSessions!: boolean;
}

@ObjectType('AdminUser', { description: 'A member of staff who works in the dashboard.' })
export class AdminUserType {
  @Field(() => ID, { description: "The member of staff's id (records refer to them as `admin:<id>`)." })
  id!: string;

  @Field(() => String, { description: 'Sign-in e-mail, lower-cased.' })
  email!: string;

  @Field(() => String, { description: "The member's name as colleagues and records show it." })
  displayName!: string;

  @Field(() => AdminRoleEnum, { description: 'What the member may do: OWNER, PRIVACY_OFFICER or VIEWER.' })
  role!: AdminRole;

  @Field(() => Date, { description: 'When the account was created.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the member last signed in; null if never.' })
  lastLoginAt!: Date | null;

  @Field(() => Boolean, { description: 'False once deactivated: no sign-in, no session.' })
  active!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the account was last deactivated, while it is.' })
  deactivatedAt!: Date | null;

  @Field(() => Boolean, { description: 'A second factor (TOTP) is enrolled.' })
  mfaEnrolled!: boolean;

  @Field(() => Boolean, { description: 'An owner reset the password: the member must choose a new one at sign-in.' })
  mustChangePassword!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the member last set their own password.' })
  passwordChangedAt!: Date | null;

  @Field(() => LanguageEnum, {
    nullable: true,
    description: "The language the member chose to read Steward in (setMyLanguage); null: the organisation's default.",
  })
  language!: Language | null;

  @Field(() => LanguageEnum, {
    nullable: true,
    description: "On `me` only: the language Steward speaks to you — your own choice, else the organisation's default.",
  })
  effectiveLanguage?: Language;

  @Field(() => SessionRestrictionEnum, {
    nullable: true,
    description: 'On `me` only: what this session must do before anything else; null for a full session.',
  })
  sessionRestriction?: SessionRestriction;

  @Field(() => Boolean, {
    nullable: true,
    description: "On `me` only: the organisation requires a second factor for this member's role.",
  })
  mfaRequired?: boolean;

  @Field(() => Int, { nullable: true, description: 'On the staff list only: sessions open now.' })
  openSessions?: number;

  @Field(() => StaffAbilitiesType, { nullable: true, description: 'On the staff list only: what the caller may do.' })
  abilities?: StaffAbilitiesType;
}

@ObjectType('StaffInvitation', {
  description: 'An invitation to join the staff, until it is accepted, revoked or expires.',
})
export class StaffInvitationType {
  @Field(() => ID, { description: 'The invitation id.' })
  id!: string;

  @Field(() => String, { description: 'The invitee’s e-mail.' })
  email!: string;

  @Field(() => String, { description: 'The invitee’s name.' })
  displayName!: string;

  @Field(() => AdminRoleEnum, { description: 'The role they get when they accept.' })
  role!: AdminRole;

  @Field(() => Date, { description: 'The link stops working then.' })
  expiresAt!: Date;

  @Field(() => String, { description: 'Who invited them.' })
  invitedByName!: string;

  @Field(() => Date, { description: 'When it was sent.' })
  createdAt!: Date;
}

@ObjectType('IssuedInvitation', {
  description: 'A new invitation and its one-time link, shown once: the owner sends it to the invitee.',
})
export class IssuedInvitationType {
  @Field(() => StaffInvitationType, { description: 'The invitation.' })
  invitation!: StaffInvitationType;

  @Field(() => String, { description: 'The link (on STEWARD_PUBLIC_URL when set); it works once, until expiresAt.' })
  link!: string;
}

@ObjectType('InvitationPreview', { description: 'What an invitation link offers, for its page (public).' })
export class InvitationPreviewType {
  @Field(() => String, { description: 'The e-mail the account will have.' })
  email!: string;

  @Field(() => String, { description: 'The name the owner gave.' })
  displayName!: string;

  @Field(() => AdminRoleEnum, { description: 'The role the account will have.' })
  role!: AdminRole;

  @Field(() => Date, { description: 'The link stops working then.' })
  expiresAt!: Date;

  @Field(() => String, { description: "The organisation's name, in the invitee's language." })
  organisationName!: string;
}

@ObjectType('TemporaryPassword', {
  description: 'A password set by an owner, shown once; the member replaces it at sign-in.',
})
export class TemporaryPasswordType {
  @Field(() => AdminUserType, { description: 'The member whose password was reset.' })
  user!: AdminUserType;

  @Field(() => String, { description: 'Give it to the member privately; it works until they choose their own.' })
  temporaryPassword!: string;
}

@ObjectType('StaffSession', { description: 'One signed-in browser of the caller.' })
export class StaffSessionType {
  @Field(() => ID, { description: 'An opaque id (not the session token).' })
  id!: string;

  @Field(() => String, { description: 'Browser and system, from the user agent (e.g. "Chrome 156 on Linux").' })
  device!: string;

  @Field(() => Date, { description: 'When the browser signed in.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'Its last request (written at most every five minutes).' })
  lastSeenAt!: Date;

  @Field(() => Date, { description: 'It ends then unless used.' })
  expiresAt!: Date;

  @Field(() => Boolean, { description: 'The session making this request.' })
  current!: boolean;
}

@ObjectType('TotpEnrolment', {
  description:
    'A new TOTP secret to add to an authenticator app; confirm it with a first code and your password (confirmTotpEnrolment).',
})
export class TotpEnrolmentType {
  @Field(() => String, { description: 'The secret in base32, to type in by hand.' })
  secret!: string;

  @Field(() => String, { description: 'The otpauth:// URI the QR code holds.' })
  uri!: string;

  @Field(() => String, { description: 'The QR code as an SVG document.' })
  qrSvg!: string;
}

@ObjectType('RecoveryCodes', {
  description: 'Ten one-time recovery codes, shown once: each signs in once in place of an authenticator code.',
})
export class RecoveryCodesType {
  @Field(() => [String], { description: 'Keep them somewhere safe; each works once.' })
  codes!: string[];
}

@ObjectType('StaffSettings', { description: "The organisation's rules for staff accounts (owners only)." })
export class StaffSettingsType {
  @Field(() => Boolean, { description: 'Owners and privacy officers must enrol a second factor.' })
  requireMfa!: boolean;

  @Field(() => Boolean, {
    description: 'STEWARD_REQUIRE_MFA is set on the server: MFA is required whatever requireMfa says.',
  })
  requiredByServer!: boolean;
}
