import {
  INVITATION_VALID_DAYS,
  normalizeEmail,
  staffProfileIssues,
  staffAbilities,
  validateDeactivation,
  validateRoleChange,
  type AdminRole,
  type StaffAbilities,
  type StaffMember,
} from '@steward/policy-core';
import { LockMode } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Service } from '../common/transaction.js';
import type { Actor } from '../context.js';
import { AdminSession } from './admin-session.entity.js';
import { AdminUser } from './admin-user.entity.js';
import { hashToken } from './auth.service.js';
import { MfaService } from './mfa.service.js';
import { hashPassword } from './password.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { StaffInvitation } from './staff-invitation.entity.js';
import { MailService } from '../mail/mail.service.js';

/** The audit actions about a staff account (its subject is the account's id). */
export const STAFF_ACCOUNT_ACTIONS = [
  'admin_user.create',
  'admin_user.invitation_accepted',
  'admin_user.role_change',
  'admin_user.deactivate',
  'admin_user.reactivate',
  'admin_user.password_reset',
  'admin_user.mfa_reset',
  'admin_user.sessions_ended',
  'auth.login',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.mfa_failed',
  'auth.logout',
  'auth.password_changed',
  'auth.session_ended',
  'auth.language_changed',
  'auth.mfa_enrolled',
  'auth.mfa_disabled',
  'auth.recovery_codes_regenerated',
  'auth.recovery_code_used',
] as const;

export function asStaffMember(user: AdminUser): StaffMember {
  return { id: user.id, role: user.role, active: !user.disabled, mfaEnrolled: user.totpEnabledAt !== null };
}

/**
 * The staff as owners manage it: invitations, roles, deactivation and reactivation, password and
 * second-factor resets, ending a member's sessions. Every change is audited; the rules (the last
 * active owner, never one's own account) are policy-core's.
 */
export class StaffService extends Service<Actor> {
  private get caller() {
    return { userId: this.actor.userId, role: this.actor.role };
  }

  private mail(): MailService {
    return new MailService(this.em, this.actor, this.deps);
  }

  private audit(action: string, subject: string, detail?: Record<string, unknown>, entityType = 'AdminUser') {
    new AuditService(this.em, this.actor, this.deps).record({ action, entityType, subject, detail });
  }

  /**
   * What happened to one member's account, newest first: the owner's invitation that brought them in,
   * their accepting it, the owners' changes (role from and to, deactivation, resets, sessions ended),
   * their own (password, second factor, sessions) and their sign-ins, each with who did it.
   */
  async history(id: string, limit = 50): Promise<AuditEntry[]> {
    const user = await this.member(id);
    // The invitation that brought them in is audited under its own id, by the owner who sent it.
    const invitations = await this.em.find(StaffInvitation, { email: user.email, acceptedAt: { $ne: null } });
    return this.em.find(
      AuditEntry,
      {
        $or: [
          { action: { $in: [...STAFF_ACCOUNT_ACTIONS] }, subject: user.id },
          ...(invitations.length
            ? [{ action: 'admin_user.invite', subject: { $in: invitations.map((i) => i.id) } }]
            : []),
        ],
      },
      { orderBy: { at: 'desc', id: 'desc' }, limit },
    );
  }

  activeOwners(): Promise<number> {
    return this.em.count(AdminUser, { role: 'OWNER', disabled: false });
  }

  /**
   * Inside a write that needs an active owner to remain (a role change, a deactivation) or that only
   * an active owner may make (an invitation): locks the active owners' rows until the transaction
   * ends and returns how many there are. On PostgreSQL such writes queue on these rows (FOR UPDATE,
   * always in id order), so two owners demoting or deactivating each other at once cannot both
   * succeed, and the second one counts what the first left; SQLite runs one writer at a time anyway
   * (knex drops the lock clause there). A caller who stopped being an active owner meanwhile is
   * refused.
   */
  private async lockActiveOwners(): Promise<number> {
    const owners = await this.em.find(
      AdminUser,
      { role: 'OWNER', disabled: false },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } },
    );
    if (!owners.some((o) => o.id === this.actor.userId)) throw new ForbiddenError();
    return owners.length;
  }

  /**
   * An owner leaving (deactivated, or no longer an owner) takes their open invitations with them:
   * revoked in the same transaction, each audited with who did it and why.
   */
  private async revokeInvitationsOf(user: AdminUser, reason: 'deactivated' | 'role_changed'): Promise<number> {
    const open = await this.em.find(StaffInvitation, { invitedBy: user.id, acceptedAt: null, revokedAt: null });
    let revoked = 0;
    for (const invitation of open) {
      if (!(await this.claimRevocation(invitation.id))) continue;
      revoked++;
      this.audit(
        'admin_user.invitation_revoked',
        invitation.id,
        { reason: `inviter_${reason}`, invitedBy: user.id },
        'StaffInvitation',
      );
    }
    return revoked;
  }

  /** Revokes the invitation if it is still open (neither accepted nor revoked): whether it did. */
  private async claimRevocation(id: string): Promise<boolean> {
    const changed = await this.em.nativeUpdate(
      StaffInvitation,
      { id, acceptedAt: null, revokedAt: null },
      { revokedAt: this.deps.now() },
    );
    return changed === 1;
  }

  /** Every account, oldest first, with its open sessions and the caller's abilities on it. */
  async list(): Promise<{ user: AdminUser; openSessions: number; abilities: StaffAbilities }[]> {
    const users = await this.em.find(AdminUser, {}, { orderBy: { createdAt: 'asc' } });
    const owners = users.filter((u) => u.role === 'OWNER' && !u.disabled).length;
    const sessions = await this.em.find(AdminSession, { expiresAt: { $gt: this.deps.now() } }, { fields: ['user'] });
    const open = new Map<string, number>();
    for (const s of sessions) open.set(s.user.id, (open.get(s.user.id) ?? 0) + 1);
    return users.map((user) => ({
      user,
      openSessions: open.get(user.id) ?? 0,
      abilities: staffAbilities(this.caller, asStaffMember(user), owners),
    }));
  }

  private async member(id: string): Promise<AdminUser> {
    const user = isUuid(id) ? await this.em.findOne(AdminUser, { id }) : null;
    if (!user) throw new NotFoundError('Staff member', 'id');
    return user;
  }

  /** Invitations not accepted, revoked or expired, newest first. */
  pendingInvitations(): Promise<StaffInvitation[]> {
    return this.em.find(
      StaffInvitation,
      { acceptedAt: null, revokedAt: null, expiresAt: { $gt: this.deps.now() } },
      { orderBy: { createdAt: 'desc' }, populate: ['invitedBy'] },
    );
  }

  /** A new invitation; the token is returned once (only its hash is kept) for the link. */
  invite(input: {
    email: string;
    displayName: string;
    role: AdminRole;
  }): Promise<{ invitation: StaffInvitation; token: string }> {
    return this.inTransaction((tx) => tx.writeInvite(input));
  }

  private async writeInvite(input: {
    email: string;
    displayName: string;
    role: AdminRole;
  }): Promise<{ invitation: StaffInvitation; token: string }> {
    const issues = staffProfileIssues(input);
    if (issues.length) throw new BadInputError(issues);
    const email = normalizeEmail(input.email);
    // Invitations queue on the owners' rows: two owners inviting one e-mail at once leave one open invitation.
    await this.lockActiveOwners();
    const now = this.deps.now();
    if (await this.em.count(AdminUser, { email })) {
      throw new BadInputError([
        { field: 'email', code: 'DUPLICATE', message: 'A staff account with this e-mail exists' },
      ]);
    }
    if (await this.em.count(StaffInvitation, { email, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } })) {
      throw new BadInputError([
        {
          field: 'email',
          code: 'DUPLICATE',
          message: 'This e-mail has an open invitation: revoke it to send a new one',
        },
      ]);
    }
    const token = randomBytes(32).toString('base64url');
    const invitation = this.em.create(StaffInvitation, {
      email,
      displayName: input.displayName.trim(),
      role: input.role,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000),
      invitedBy: this.em.getReference(AdminUser, this.actor.userId),
      createdAt: now,
      updatedAt: now,
    });
    this.audit(
      'admin_user.invite',
      invitation.id,
      { role: input.role, expiresAt: invitation.expiresAt.toISOString() },
      'StaffInvitation',
    );
    await this.em.flush();
    await this.em.populate(invitation, ['invitedBy']);
    // The invitee gets the one-time link by mail too (sent once this transaction commits).
    await this.mail().mailInvitee(
      email,
      {
        name: invitation.displayName,
        inviter: invitation.invitedBy.displayName,
        role: invitation.role,
        expiresOn: invitation.expiresAt.toISOString(),
      },
      token,
    );
    return { invitation, token };
  }

  revokeInvitation(id: string): Promise<StaffInvitation> {
    return this.inTransaction((tx) => tx.writeRevokeInvitation(id));
  }

  private async writeRevokeInvitation(id: string): Promise<StaffInvitation> {
    // One statement decides: an invitation accepted (or revoked) at the same moment is not revoked.
    if (!isUuid(id) || !(await this.claimRevocation(id))) throw new NotFoundError('Open invitation', 'id');
    const invitation = await this.em.findOneOrFail(StaffInvitation, { id }, { populate: ['invitedBy'], refresh: true });
    this.audit('admin_user.invitation_revoked', invitation.id, undefined, 'StaffInvitation');
    await this.em.flush();
    return invitation;
  }

  changeRole(id: string, role: AdminRole): Promise<AdminUser> {
    return this.inTransaction((tx) => tx.writeChangeRole(id, role));
  }

  private async writeChangeRole(id: string, role: AdminRole): Promise<AdminUser> {
    const owners = await this.lockActiveOwners();
    const user = await this.member(id);
    const check = validateRoleChange(this.caller, asStaffMember(user), role, owners);
    if (!check.ok) throw new BadInputError(check.issues);
    const from = user.role;
    user.role = role;
    this.audit('admin_user.role_change', user.id, { from, to: role });
    if (from === 'OWNER' && role !== 'OWNER') await this.revokeInvitationsOf(user, 'role_changed');
    await this.em.flush();
    return user;
  }

  /** Deactivates the account and ends every session of it at once (every instance reads sessions from the database). */
  deactivate(id: string): Promise<AdminUser> {
    return this.inTransaction((tx) => tx.writeDeactivate(id));
  }

  private async writeDeactivate(id: string): Promise<AdminUser> {
    const owners = await this.lockActiveOwners();
    const user = await this.member(id);
    const check = validateDeactivation(this.caller, asStaffMember(user), owners);
    if (!check.ok) throw new BadInputError(check.issues);
    user.disabled = true;
    user.deactivatedAt = this.deps.now();
    const ended = await this.em.nativeDelete(AdminSession, { user: user.id });
    const invitationsRevoked = await this.revokeInvitationsOf(user, 'deactivated');
    this.audit('admin_user.deactivate', user.id, { sessionsEnded: ended, invitationsRevoked });
    await this.em.flush();
    return user;
  }

  reactivate(id: string): Promise<AdminUser> {
    return this.inTransaction((tx) => tx.writeReactivate(id));
  }

  private async writeReactivate(id: string): Promise<AdminUser> {
    const user = await this.member(id);
    if (!staffAbilities(this.caller, asStaffMember(user), 0).reactivate) {
      throw new BadInputError([{ field: 'id', code: 'INVALID_TRANSITION', message: 'The account is active.' }]);
    }
    user.disabled = false;
    user.deactivatedAt = null;
    this.audit('admin_user.reactivate', user.id);
    await this.em.flush();
    return user;
  }

  /**
   * Sets a temporary password, shown once to the owner, and ends the member's sessions: at their
   * next sign-in they may only choose a new password.
   */
  resetPassword(id: string): Promise<{ user: AdminUser; temporaryPassword: string }> {
    return this.inTransaction((tx) => tx.writeResetPassword(id));
  }

  private async writeResetPassword(id: string): Promise<{ user: AdminUser; temporaryPassword: string }> {
    const user = await this.member(id);
    if (!staffAbilities(this.caller, asStaffMember(user), await this.activeOwners()).resetPassword) {
      throw new BadInputError([
        { field: 'id', code: 'INVALID_TRANSITION', message: 'This password cannot be reset here.' },
      ]);
    }
    const temporaryPassword = randomBytes(15).toString('base64url');
    user.passwordHash = await hashPassword(temporaryPassword);
    user.mustChangePassword = true;
    const ended = await this.em.nativeDelete(AdminSession, { user: user.id });
    this.audit('admin_user.password_reset', user.id, { sessionsEnded: ended });
    await this.em.flush();
    // The member learns of the reset by mail (never the temporary password: the owner hands it over).
    await this.mail().mailMember('PASSWORD_RESET', user, {
      owner: this.actor.displayName,
      resetOn: this.deps.now().toISOString(),
    });
    return { user, temporaryPassword };
  }

  /** Removes the member's second factor and ends their sessions (a lost phone). */
  resetMfa(id: string): Promise<AdminUser> {
    return this.inTransaction((tx) => tx.writeResetMfa(id));
  }

  private async writeResetMfa(id: string): Promise<AdminUser> {
    const user = await this.member(id);
    if (!staffAbilities(this.caller, asStaffMember(user), await this.activeOwners()).resetMfa) {
      throw new BadInputError([{ field: 'id', code: 'INVALID_TRANSITION', message: 'No second factor to remove.' }]);
    }
    const mfa = new MfaService(this.em, this.actor, this.deps);
    await mfa.clear(user);
    const ended = await mfa.endSessions(user);
    this.audit('admin_user.mfa_reset', user.id, { sessionsEnded: ended });
    await this.em.flush();
    return user;
  }

  async settings(): Promise<{ requireMfa: boolean; requiredByServer: boolean }> {
    const organisation = await loadOrganisation(this.em);
    return { requireMfa: organisation.requireMfa, requiredByServer: this.deps.config.requireMfa };
  }

  /**
   * Requires (or stops requiring) a second factor of owners and privacy officers. Members without
   * one may then only enrol until they have. The owner turning it on must have enrolled first, so
   * the change never surprises the one making it.
   */
  setMfaRequirement(required: boolean): Promise<{ requireMfa: boolean; requiredByServer: boolean }> {
    return this.inTransaction((tx) => tx.writeSetMfaRequirement(required));
  }

  private async writeSetMfaRequirement(required: boolean): Promise<{ requireMfa: boolean; requiredByServer: boolean }> {
    const organisation = await loadOrganisation(this.em);
    if (required && !organisation.requireMfa) {
      const me = await this.member(this.actor.userId);
      if (!me.totpEnabledAt) {
        throw new BadInputError([
          { field: 'required', code: 'INVALID_TRANSITION', message: 'Enrol your own second factor first.' },
        ]);
      }
    }
    if (organisation.requireMfa !== required) {
      organisation.requireMfa = required;
      this.audit('organisation.mfa_requirement', organisation.id, { required }, 'Organisation');
      await this.em.flush();
    }
    return this.settings();
  }

  endSessions(id: string): Promise<AdminUser> {
    return this.inTransaction((tx) => tx.writeEndSessions(id));
  }

  private async writeEndSessions(id: string): Promise<AdminUser> {
    const user = await this.member(id);
    if (!staffAbilities(this.caller, asStaffMember(user), await this.activeOwners()).endSessions) {
      throw new BadInputError([
        { field: 'id', code: 'SELF_ACTION', message: 'End your own sessions on your account page.' },
      ]);
    }
    const ended = await this.em.nativeDelete(AdminSession, { user: user.id });
    this.audit('admin_user.sessions_ended', user.id, { sessionsEnded: ended });
    await this.em.flush();
    return user;
  }
}
