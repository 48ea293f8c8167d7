import type { AdminUser } from './admin-user.entity.js';
import type { AdminUserType, StaffInvitationType } from './admin-user.type.js';
import type { StaffInvitation } from './staff-invitation.entity.js';

export function presentAdminUser(user: AdminUser): AdminUserType {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
    active: !user.disabled,
    deactivatedAt: user.deactivatedAt,
    mfaEnrolled: user.totpEnabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    passwordChangedAt: user.passwordChangedAt,
    language: user.language,
  };
}

export function presentInvitation(invitation: StaffInvitation): StaffInvitationType {
  return {
    id: invitation.id,
    email: invitation.email,
    displayName: invitation.displayName,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    invitedByName: invitation.invitedBy.displayName,
    createdAt: invitation.createdAt,
  };
}

/** The link an invitee opens: on STEWARD_PUBLIC_URL when set, else relative to the admin's own address. */
export function invitationLink(publicUrl: string | null, token: string): string {
  return `${publicUrl ?? ''}/invitation#${token}`;
}
