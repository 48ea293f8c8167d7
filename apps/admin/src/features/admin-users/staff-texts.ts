import type { AdminUsersQuery } from '@steward/schema';

/** What an owner may do with a staff row (the API's `abilities`). */
export type StaffAbility = keyof NonNullable<AdminUsersQuery['adminUsers'][number]['abilities']>;

// The staff page's words, in one place for the Japanese/English issue to move.
export const STAFF_TEXT = {
  title: 'Admin users',
  description:
    'Who may use Steward, with which role and second factor. Invite staff with a one-time link; deactivate an account the day someone leaves.',
  table: 'Admin users',
  empty: 'No admin users.',
  loading: 'Loading admin users',
  columns: {
    name: 'Name',
    email: 'Email',
    role: 'Role',
    status: 'Status',
    secondFactor: 'Second factor',
    sessions: 'Open sessions',
    lastSignIn: 'Last sign-in',
    actions: 'Actions',
  },
  active: 'Active',
  deactivated: 'Deactivated',
  mustChangePassword: 'Must choose a new password',
  yes: 'Yes',
  no: 'No',
  never: 'Never',
  actionsFor: (name: string) => `Actions for ${name}`,
  manage: 'Manage',
  refused: 'The API refused',
  abilities: {
    changeRole: 'Change role…',
    deactivate: 'Deactivate…',
    reactivate: 'Reactivate',
    resetPassword: 'Reset password…',
    resetMfa: 'Reset second factor…',
    endSessions: 'End sessions…',
  } satisfies Record<StaffAbility, string>,
  confirm: {
    deactivate: {
      title: 'Deactivate this account?',
      body: (name: string) =>
        `${name} can no longer sign in, and every open session of the account ends now. You can reactivate it later.`,
      button: 'Deactivate',
    },
    resetPassword: {
      title: 'Reset the password?',
      body: (name: string) =>
        `${name} gets a temporary password, shown to you once, and must choose a new one at the next sign-in. Their open sessions end.`,
      button: 'Reset password',
    },
    resetMfa: {
      title: 'Reset the second factor?',
      body: (name: string) =>
        `${name}'s authenticator app and recovery codes stop working (a lost phone), and their open sessions end. They can enrol again.`,
      button: 'Reset second factor',
    },
    endSessions: {
      title: 'End every session?',
      body: (name: string) => `${name} is signed out everywhere now and must sign in again.`,
      button: 'End sessions',
    },
  },
  changeRole: {
    title: (name: string) => `Change the role of ${name}`,
    label: 'New role',
    save: 'Change role',
    cancel: 'Cancel',
  },
  temporaryPassword: {
    title: 'Password reset',
    warning: 'You will not see this password again',
    handOver: (name: string) =>
      `Give it to ${name} through a separate channel (in person, by phone). They must choose a new password when they sign in with it.`,
    name: 'Temporary password',
    copy: 'Copy password',
    done: 'Done',
  },
  invite: {
    form: 'Invite staff',
    title: 'Invite staff',
    refused: 'Not invited',
    email: 'Email',
    displayName: 'Display name',
    role: 'Role',
    chooseRole: 'Choose…',
    submit: 'Create invitation link',
    linkName: 'Invitation link',
    warning: 'Copy this link now: you will not see it again',
    handOver: (name: string, expires: string) =>
      `Send it to ${name} yourself (Steward sends no mail yet). It works once, until ${expires}.`,
    copy: 'Copy link',
  },
  invitations: {
    table: 'Pending invitations',
    title: 'Pending invitations',
    empty: 'No pending invitations.',
    loading: 'Loading invitations',
    invitedBy: 'Invited by',
    expires: 'Expires',
    revoke: 'Revoke',
    revokeLabel: (email: string) => `Revoke the invitation of ${email}`,
  },
  mfa: {
    title: 'Second factor',
    switch: 'Require a second factor of owners and privacy officers',
    description:
      'Members with these roles who have none may then only enrol an authenticator app until they do. Viewers choose for themselves.',
    byServer: 'Required by the server (STEWARD_REQUIRE_MFA): it cannot be switched off here.',
    refused: 'Not changed',
  },
  history: {
    column: 'History',
    button: 'History',
    label: (name: string) => `History of ${name}`,
    title: (name: string) => `History of ${name}`,
    table: 'Account history',
    empty: 'Nothing recorded yet.',
    loading: 'Loading the history',
    columns: { at: 'When', action: 'What', detail: 'Details', actor: 'Who' },
    /** An entry's detail in words (staff-history.ts picks the one that fits), with role names already in words. */
    details: {
      roleChange: (from: string, to: string) => `From ${from} to ${to}`,
      invited: (role: string) => `Invited as ${role}`,
      joined: (role: string) => `Joined as ${role}`,
      sessionsEnded: (n: number) => (n === 1 ? '1 session ended' : `${n} sessions ended`),
      invitationsRevoked: (n: number) =>
        n === 1 ? 'Their 1 open invitation revoked' : `Their ${n} open invitations revoked`,
    },
    close: 'Close',
    /**
     * The audit actions about a staff account (the API's STAFF_ACCOUNT_ACTIONS, and the invitation that
     * brought them in); unknown ones show as they are.
     */
    actions: {
      'admin_user.create': 'Account created',
      'admin_user.invite': 'Invited',
      'admin_user.invitation_accepted': 'Joined by invitation',
      'admin_user.role_change': 'Role changed',
      'admin_user.deactivate': 'Deactivated',
      'admin_user.reactivate': 'Reactivated',
      'admin_user.password_reset': 'Password reset',
      'admin_user.mfa_reset': 'Second factor reset',
      'admin_user.sessions_ended': 'All sessions ended',
      'auth.login': 'Signed in',
      'auth.login_failed': 'Failed sign-in',
      'auth.login_throttled': 'Sign-in locked for an address',
      'auth.mfa_failed': 'Wrong second-factor code at sign-in',
      'auth.logout': 'Signed out',
      'auth.password_changed': 'Changed their password',
      'auth.session_ended': 'Ended a session',
      'auth.language_changed': 'Changed their language',
      'auth.mfa_enrolled': 'Enrolled a second factor',
      'auth.mfa_disabled': 'Removed their second factor',
      'auth.recovery_codes_regenerated': 'New recovery codes',
      'auth.recovery_code_used': 'Signed in with a recovery code',
    } as Readonly<Record<string, string>>,
  },
  create: {
    form: 'Create admin user',
    title: 'Create admin user',
    refused: 'Not created',
    created: (email: string) => `${email} can now sign in.`,
    password: 'Initial password',
    passwordHint: (min: number) => `At least ${min} characters; share it through a separate channel.`,
    submit: 'Create user',
  },
} as const;

export const ROLE_DESCRIPTION = {
  OWNER: 'Everything, including admin users',
  PRIVACY_OFFICER: 'Records collections and consents',
  VIEWER: 'Reads only',
} as const;
