import { LockMode } from '@mikro-orm/core';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import type { RateLimitRule } from '../common/rate-limit.js';
import { Service } from '../common/transaction.js';
import { AdminUser } from './admin-user.entity.js';
import { actorOf, AuthService, flushNewAccount, hashToken } from './auth.service.js';
import { hashPassword } from './password.js';
import { passwordIssues } from './password-policy.js';
import { StaffInvitation } from './staff-invitation.entity.js';

/** Invitation links are public: a budget per address bounds guessing (the tokens are 256-bit anyway). */
export const INVITATION_RULE: RateLimitRule = { name: 'staff-invitation', points: 30, durationSeconds: 600 };

/** The invitee's side of an invitation: see what it offers, then choose a password and join. */
export class InvitationService extends Service<null> {
  /**
   * The open invitation behind `token`; NOT_FOUND for an unknown, used, revoked or expired one alike,
   * and for one whose inviter is no longer an active owner (their invitations leave with them).
   */
  async open(token: string, lockInviter = false): Promise<StaffInvitation> {
    const invitation =
      token.length >= 20 && token.length <= 100
        ? await this.em.findOne(StaffInvitation, { tokenHash: hashToken(token) })
        : null;
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= this.deps.now()) {
      throw invalidInvitation();
    }
    // Accepting holds the inviter's row (FOR SHARE on PostgreSQL) until the account exists: an owner
    // deactivated or demoted at the same moment either waits for it or is seen gone.
    const inviter = await this.em.findOne(
      AdminUser,
      { id: invitation.invitedBy.id },
      lockInviter ? { lockMode: LockMode.PESSIMISTIC_READ, refresh: true } : {},
    );
    if (!inviter || inviter.disabled || inviter.role !== 'OWNER') throw invalidInvitation();
    return invitation;
  }

  /** Creates the account with the chosen password and signs the invitee in; the link stops working. */
  accept(token: string, password: string, userAgent: string | null) {
    return this.inTransaction((tx) => tx.writeAccept(token, password, userAgent));
  }

  private async writeAccept(token: string, password: string, userAgent: string | null) {
    const invitation = await this.open(token, true);
    const issues = passwordIssues(password, invitation);
    if (issues.length) throw new BadInputError(issues);
    if (await this.em.count(AdminUser, { email: invitation.email })) {
      throw new BadInputError([
        { field: 'token', code: 'DUPLICATE', message: 'A staff account with this e-mail exists' },
      ]);
    }
    // Only the request that claims the invitation while it is still open creates the account: a link
    // used twice at once works once, and a revocation at the same moment wins or loses as a whole.
    const now = this.deps.now();
    const claimed = await this.em.nativeUpdate(
      StaffInvitation,
      { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { $gt: now } },
      { acceptedAt: now },
    );
    if (claimed !== 1) throw invalidInvitation();
    const user = this.em.create(AdminUser, {
      email: invitation.email,
      displayName: invitation.displayName,
      role: invitation.role,
      passwordHash: await hashPassword(password),
      passwordChangedAt: now,
      lastLoginAt: now,
    });
    const session = new AuthService(this.em, this.deps).openSession(user, userAgent);
    // The member joins by their own act, on the invitation of the owner named in the detail (whose
    // `admin_user.invite` entry, under the invitation's id, is in the member's history too).
    new AuditService(this.em, actorOf(user, session.tokenHash), this.deps).record({
      action: 'admin_user.invitation_accepted',
      entityType: 'AdminUser',
      subject: user.id,
      detail: { invitation: invitation.id, role: invitation.role, invitedBy: invitation.invitedBy.id },
    });
    await flushNewAccount(this.em, 'token');
    return { user, token: session.token, expiresAt: session.expiresAt };
  }
}

function invalidInvitation(): NotFoundError {
  return new NotFoundError('Invitation (it may have expired or been used)', 'token');
}
