import { AuditService } from '../audit/audit.service.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import type { RateLimitRule } from '../common/rate-limit.js';
import { Service } from '../common/transaction.js';
import { AdminUser } from './admin-user.entity.js';
import { AuthService, hashToken } from './auth.service.js';
import { hashPassword } from './password.js';
import { passwordIssues } from './password-policy.js';
import { StaffInvitation } from './staff-invitation.entity.js';

/** Invitation links are public: a budget per address bounds guessing (the tokens are 256-bit anyway). */
export const INVITATION_RULE: RateLimitRule = { name: 'staff-invitation', points: 30, durationSeconds: 600 };

/** The invitee's side of an invitation: see what it offers, then choose a password and join. */
export class InvitationService extends Service<null> {
  /** The open invitation behind `token`; NOT_FOUND for an unknown, used, revoked or expired one alike. */
  async open(token: string): Promise<StaffInvitation> {
    const invitation =
      token.length >= 20 && token.length <= 100
        ? await this.em.findOne(StaffInvitation, { tokenHash: hashToken(token) })
        : null;
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= this.deps.now()) {
      throw new NotFoundError('Invitation (it may have expired or been used)', 'token');
    }
    return invitation;
  }

  /** Creates the account with the chosen password and signs the invitee in; the link stops working. */
  accept(token: string, password: string, userAgent: string | null) {
    return this.inTransaction((tx) => tx.writeAccept(token, password, userAgent));
  }

  private async writeAccept(token: string, password: string, userAgent: string | null) {
    const invitation = await this.open(token);
    const issues = passwordIssues(password, invitation);
    if (issues.length) throw new BadInputError(issues);
    if (await this.em.count(AdminUser, { email: invitation.email })) {
      throw new BadInputError([
        { field: 'token', code: 'DUPLICATE', message: 'A staff account with this e-mail exists' },
      ]);
    }
    // Only the request that flips acceptedAt creates the account: a link used twice at once works once.
    const now = this.deps.now();
    const claimed = await this.em.nativeUpdate(
      StaffInvitation,
      { id: invitation.id, acceptedAt: null },
      { acceptedAt: now },
    );
    if (claimed !== 1) throw new NotFoundError('Invitation (it may have expired or been used)', 'token');
    const user = this.em.create(AdminUser, {
      email: invitation.email,
      displayName: invitation.displayName,
      role: invitation.role,
      passwordHash: await hashPassword(password),
      passwordChangedAt: now,
      lastLoginAt: now,
    });
    const session = new AuthService(this.em, this.deps).openSession(user, userAgent);
    new AuditService(this.em, null, this.deps).record({
      action: 'admin_user.invitation_accepted',
      entityType: 'AdminUser',
      subject: user.id,
      detail: { invitation: invitation.id, role: invitation.role },
    });
    await this.em.flush();
    return { user, token: session.token, expiresAt: session.expiresAt };
  }
}
