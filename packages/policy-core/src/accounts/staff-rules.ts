import type { Caller } from '../abilities/caller.js';
import { FIELD_LIMITS, validateField, validateText } from '../fields/field-formats.js';
import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import type { AdminRole } from '../vocabulary/roles.js';

/** A staff account as the rules see it. */
export type StaffMember = {
  readonly id: string;
  readonly role: AdminRole;
  readonly active: boolean;
  readonly mfaEnrolled: boolean;
};

/**
 * The roles that must use a second factor when the organisation requires MFA: those who can change
 * personal data and approve exceptions. Viewers read only (every read is audited).
 */
export const MFA_REQUIRED_ROLES: readonly AdminRole[] = ['OWNER', 'PRIVACY_OFFICER'];

/** How long an invitation link works. */
export const INVITATION_VALID_DAYS = 7;

/** A staff member's e-mail (their sign-in name) and display name, as an account or an invitation takes them. */
export function staffProfileIssues(profile: { email: string; displayName: string }): Issue[] {
  return [
    validateField('EMAIL', profile.email, { field: 'email' }),
    validateText(profile.displayName, { field: 'displayName', maxLength: FIELD_LIMITS.displayName, required: true }),
  ].filter((i): i is Issue => i !== null);
}

/** Only owners manage staff accounts. */
export function callerManagesStaff(caller: Caller | null): caller is Caller {
  return caller?.role === 'OWNER';
}

function lastOwnerIssue(member: StaffMember, activeOwners: number, field: string): Issue | null {
  return member.role === 'OWNER' && member.active && activeOwners <= 1
    ? issue(field, 'LAST_OWNER', 'The organisation must keep at least one active owner.')
    : null;
}

/**
 * May `member`'s role become `role`? Never the caller's own (an owner cannot demote themselves by
 * mistake, nor promote themselves), and never the last active owner's to anything but owner.
 * Issues: `role` (SELF_ACTION, LAST_OWNER, NO_CHANGE).
 */
export function validateRoleChange(
  caller: Caller,
  member: StaffMember,
  role: AdminRole,
  activeOwners: number,
): Validation {
  const issues: Issue[] = [];
  if (caller.userId === member.id) issues.push(issue('role', 'SELF_ACTION', 'You cannot change your own role.'));
  if (role === member.role) issues.push(issue('role', 'NO_CHANGE', 'The member already has this role.'));
  else if (role !== 'OWNER') {
    const last = lastOwnerIssue(member, activeOwners, 'role');
    if (last) issues.push(last);
  }
  return toValidation(issues);
}

/**
 * May `member` be deactivated? Not by themselves, not twice, and never the last active owner.
 * Issues: `id` (SELF_ACTION, INVALID_TRANSITION, LAST_OWNER).
 */
export function validateDeactivation(caller: Caller, member: StaffMember, activeOwners: number): Validation {
  const issues: Issue[] = [];
  if (caller.userId === member.id) issues.push(issue('id', 'SELF_ACTION', 'You cannot deactivate your own account.'));
  if (!member.active) issues.push(issue('id', 'INVALID_TRANSITION', 'The account is already deactivated.'));
  const last = lastOwnerIssue(member, activeOwners, 'id');
  if (last) issues.push(last);
  return toValidation(issues);
}

/** What an owner may do with one staff account now; the admin shows exactly these actions. */
export type StaffAbilities = {
  changeRole: boolean;
  deactivate: boolean;
  reactivate: boolean;
  /** Set a temporary password the member must replace at their next sign-in. */
  resetPassword: boolean;
  /** Remove the member's second factor (they enrol again at their next sign-in if MFA is required). */
  resetMfa: boolean;
  /** End every session of the member now. */
  endSessions: boolean;
};

/**
 * The caller's abilities on one staff account, from the rules each mutation applies. Owners manage
 * others' accounts; their own password, sessions and second factor they manage on their own page.
 */
export function staffAbilities(caller: Caller | null, member: StaffMember, activeOwners: number): StaffAbilities {
  const none: StaffAbilities = {
    changeRole: false,
    deactivate: false,
    reactivate: false,
    resetPassword: false,
    resetMfa: false,
    endSessions: false,
  };
  if (!callerManagesStaff(caller) || caller.userId === member.id) return none;
  return {
    changeRole: member.active && (member.role !== 'OWNER' || activeOwners > 1),
    deactivate: validateDeactivation(caller, member, activeOwners).ok,
    reactivate: !member.active,
    resetPassword: member.active,
    resetMfa: member.active && member.mfaEnrolled,
    endSessions: member.active,
  };
}

/**
 * What a signed-in session may do before it is a full session: a member whose password was reset
 * must choose a new one; one whose role requires a second factor the organisation demands must
 * enrol one. Until then the session may only read who it is, do that one thing, and sign out.
 */
export type SessionRestriction = 'PASSWORD_CHANGE' | 'MFA_ENROLMENT' | null;

export function sessionRestriction(facts: {
  role: AdminRole;
  mustChangePassword: boolean;
  mfaEnrolled: boolean;
  organisationRequiresMfa: boolean;
}): SessionRestriction {
  if (facts.mustChangePassword) return 'PASSWORD_CHANGE';
  if (facts.organisationRequiresMfa && !facts.mfaEnrolled && MFA_REQUIRED_ROLES.includes(facts.role)) {
    return 'MFA_ENROLMENT';
  }
  return null;
}
