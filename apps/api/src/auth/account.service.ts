import { createHash } from 'node:crypto';
import Bowser from 'bowser';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { Service } from '../common/transaction.js';
import type { Actor, AppDeps } from '../context.js';
import type { Language } from '../i18n/language.js';
import { AdminSession } from './admin-session.entity.js';
import { AdminUser } from './admin-user.entity.js';
import { hashPassword, verifyPassword } from './password.js';
import { passwordIssues } from './password-policy.js';
import type { SecretAttempts } from './secret-attempts.js';
import type { SqlEntityManager } from '@mikro-orm/knex';

/** One of the caller's sessions, as their account page lists it. */
export interface OwnSession {
  id: string;
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  current: boolean;
}

/** A session's public id: derived from its token's hash, so it can name the session without being a credential. */
function sessionId(tokenHash: string): string {
  return createHash('sha256').update(`session-id\u0000${tokenHash}`).digest('base64url').slice(0, 22);
}

/** "Chrome 156 on Linux" from a user agent; "Unknown browser" without one. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const parsed = Bowser.parse(userAgent);
  const browser = [parsed.browser.name, parsed.browser.version?.split('.')[0]].filter(Boolean).join(' ');
  const os = parsed.os.name;
  if (!browser) return userAgent.slice(0, 60);
  return os ? `${browser} on ${os}` : browser;
}

/** What every member does on their own account: their password and their sessions. */
export class AccountService extends Service<Actor> {
  constructor(
    em: SqlEntityManager,
    actor: Actor,
    deps: AppDeps,
    private readonly secrets: SecretAttempts,
  ) {
    super(em, actor, deps);
  }

  private async me(): Promise<AdminUser> {
    const user = await this.em.findOne(AdminUser, { id: this.actor.userId });
    if (!user) throw new NotFoundError('AdminUser', 'me');
    return user;
  }

  /**
   * Changes the caller's password (the current one proves it is them) and ends their other
   * sessions: whoever knew the old password is signed out everywhere but here. The current password
   * is checked within the member's limit on wrong secrets (SecretAttempts).
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<AdminUser> {
    // Before the transaction: the count must outlive the refusal that rolls it back.
    const me = await this.me();
    if (!(await this.secrets.check(me.id, () => verifyPassword(me.passwordHash, currentPassword)))) {
      throw new BadInputError([
        { field: 'currentPassword', code: 'INVALID_VALUE', message: 'The current password is incorrect.' },
      ]);
    }
    return this.inTransaction((tx) => tx.writeChangePassword(currentPassword, newPassword));
  }

  private async writeChangePassword(currentPassword: string, newPassword: string): Promise<AdminUser> {
    const user = await this.me();
    const issues = passwordIssues(newPassword, user, 'newPassword');
    if (!issues.length && newPassword === currentPassword) {
      issues.push({
        field: 'newPassword',
        code: 'NO_CHANGE',
        message: 'Choose a password different from the current one.',
      });
    }
    if (issues.length) throw new BadInputError(issues);
    user.passwordHash = await hashPassword(newPassword);
    user.mustChangePassword = false;
    user.passwordChangedAt = this.deps.now();
    const ended = await this.em.nativeDelete(AdminSession, {
      user: user.id,
      tokenHash: { $ne: this.actor.sessionTokenHash },
    });
    new AuditService(this.em, this.actor, this.deps).record({
      action: 'auth.password_changed',
      entityType: 'AdminUser',
      subject: user.id,
      detail: { otherSessionsEnded: ended },
    });
    await this.em.flush();
    return user;
  }

  /**
   * The caller's own language (null: follow the organisation's default), audited with the old and new
   * choice; choosing the one already set changes and records nothing.
   */
  setLanguage(language: Language | null): Promise<AdminUser> {
    return this.inTransaction(async ({ em }) => {
      const user = await em.findOne(AdminUser, { id: this.actor.userId });
      if (!user) throw new NotFoundError('AdminUser', 'me');
      if (user.language === language) return user;
      const from = user.language;
      user.language = language;
      new AuditService(em, this.actor, this.deps).record({
        action: 'auth.language_changed',
        entityType: 'AdminUser',
        subject: user.id,
        detail: { from, to: language },
      });
      await em.flush();
      return user;
    });
  }

  /** The caller's open sessions, the current one first, then the most recently seen. */
  async sessions(): Promise<OwnSession[]> {
    const rows = await this.em.find(
      AdminSession,
      { user: this.actor.userId, expiresAt: { $gt: this.deps.now() } },
      { orderBy: { lastSeenAt: 'desc' } },
    );
    return rows
      .map((s) => ({
        id: sessionId(s.tokenHash),
        device: describeDevice(s.userAgent),
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
        current: s.tokenHash === this.actor.sessionTokenHash,
      }))
      .sort((a, b) => Number(b.current) - Number(a.current));
  }

  /** Ends one of the caller's sessions (another browser, or this one). Returns whether it was the current one. */
  async endSession(id: string): Promise<boolean> {
    const rows = await this.em.find(AdminSession, { user: this.actor.userId });
    const session = rows.find((s) => sessionId(s.tokenHash) === id);
    if (!session) throw new NotFoundError('Session', 'id');
    await this.em.nativeDelete(AdminSession, { tokenHash: session.tokenHash });
    new AuditService(this.em, this.actor, this.deps).record({
      action: 'auth.session_ended',
      entityType: 'AdminUser',
      subject: this.actor.userId,
      detail: { device: describeDevice(session.userAgent) },
    });
    await this.em.flush();
    return session.tokenHash === this.actor.sessionTokenHash;
  }
}
