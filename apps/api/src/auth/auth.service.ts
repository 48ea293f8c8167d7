import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { normalizeEmail, staffProfileIssues, sessionRestriction, type AdminRole } from '@steward/policy-core';
import { createHash, randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, DomainError, UnauthenticatedError } from '../common/errors.js';
import { fromDbBoolean, fromDbDate } from '../common/sql/dialect.js';
import { renewSession, sessionRow } from './auth.queries.js';
import type { Actor, AppDeps } from '../context.js';
import type { Language } from '../i18n/language.js';
import { AdminSession } from './admin-session.entity.js';
import { AdminUser } from './admin-user.entity.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';
import { passwordIssues } from './password-policy.js';
import { MfaService } from './mfa.service.js';
import { SIGN_IN_LIMITS, type SignInThrottle } from './sign-in-throttle.js';

/** Sessions are extended on use, but their last-seen time is written at most this often. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Flushes the unit of work that creates an account. The e-mail check before it reads, so two requests
 * for one e-mail at once can both pass it; the database's unique e-mail refuses the second, which is
 * answered as the same DUPLICATE the check gives (on `field`), not as an internal error.
 */
export async function flushNewAccount(em: SqlEntityManager, field: string): Promise<void> {
  try {
    await em.flush();
  } catch (err) {
    if (isDuplicateEmail(err)) {
      throw new BadInputError([{ field, code: 'DUPLICATE', message: 'A staff account with this e-mail exists' }]);
    }
    throw err;
  }
}

/** admin_user's unique e-mail refused a row: PostgreSQL names the constraint, SQLite the column. */
function isDuplicateEmail(err: unknown): boolean {
  if (!(err instanceof UniqueConstraintViolationException)) return false;
  const constraint = (err as { constraint?: unknown }).constraint;
  return constraint === 'admin_user_email_unique' || /\badmin_user\.email\b/.test(err.message);
}

export class AuthService {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly deps: AppDeps,
  ) {}

  /** The signed-in admin's account, or null if it is gone. */
  currentUser(actor: Actor): Promise<AdminUser | null> {
    return this.em.findOne(AdminUser, { id: actor.userId });
  }

  /**
   * Signs in. The attempt is counted by `throttle` before the password is checked; a wrong password
   * is audited once per (account, address) window, when it starts and when it locks, under the
   * account's id or, for an e-mail with no account, a keyed hash of it: the audit trail never holds a
   * guessed e-mail. An account with a second factor answers a right password without a code with
   * MFA_REQUIRED; a wrong code (which needs the right password, so is rare) is audited every time as
   * `auth.mfa_failed`, and past SIGN_IN_LIMITS.codes of them the code step answers TOO_MANY_REQUESTS.
   */
  async login(
    input: { email: string; password: string; code?: string | null },
    request: { userAgent: string | null; clientAddress: string; deviceCookie: string | null; throttle: SignInThrottle },
  ) {
    const email = normalizeEmail(input.email);
    const { throttle } = request;
    const attempt = throttle.attempt(email, request.clientAddress);
    const user = await this.em.findOne(AdminUser, { email });
    const knownDevice = !!user && throttle.knowsDevice(request.deviceCookie, email, user.deviceEpoch);
    await throttle.admit(attempt, knownDevice);
    const ok =
      user && !user.disabled
        ? await verifyPassword(user.passwordHash, input.password)
        : (await verifyPassword(await decoyHash(), input.password), false);
    // One message for unknown account and wrong password: no account enumeration.
    if (!user || !ok) {
      await throttle.failed(attempt);
      const attempts = attempt.pairPosition;
      if (attempts === 1 || attempts === SIGN_IN_LIMITS.pair.points) {
        await new AuditService(this.em, null, this.deps).insertNow({
          action: attempts === 1 ? 'auth.login_failed' : 'auth.login_throttled',
          entityType: 'AdminUser',
          subject: user?.id ?? attempt.account,
          detail: { address: attempt.address.slice(0, 16), attempts },
        });
      }
      throw new UnauthenticatedError('E-mail or password is incorrect');
    }
    if (user.totpEnabledAt) {
      if (!input.code?.trim()) {
        throw new DomainError('MFA_REQUIRED', 'Enter the code from your authenticator app, or a recovery code');
      }
      await throttle.admitCode(attempt, knownDevice);
      if (!(await new MfaService(this.em, null, this.deps).acceptAtSignIn(user, input.code))) {
        await throttle.failed(attempt);
        await new AuditService(this.em, null, this.deps).insertNow({
          action: 'auth.mfa_failed',
          entityType: 'AdminUser',
          subject: user.id,
          detail: { address: attempt.address.slice(0, 16), attempts: attempt.codePosition },
        });
        throw new UnauthenticatedError('The code is incorrect');
      }
    }
    await throttle.succeeded(attempt);
    const session = this.openSession(user, request.userAgent);
    user.lastLoginAt = session.createdAt;
    new AuditService(this.em, actorOf(user, session.tokenHash), this.deps).record({
      action: 'auth.login',
      entityType: 'AdminUser',
      subject: user.id,
    });
    await this.em.flush();
    return {
      user,
      token: session.token,
      expiresAt: session.expiresAt,
      deviceCookie: throttle.rememberDevice(request.deviceCookie, email, user.deviceEpoch),
    };
  }

  /** A new session for `user` (persisted with the next flush); the token goes to the cookie, its hash to the table. */
  openSession(
    user: AdminUser,
    userAgent: string | null,
  ): { token: string; tokenHash: string; createdAt: Date; expiresAt: Date } {
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.now();
    const session = this.em.create(AdminSession, {
      tokenHash: hashToken(token),
      user,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.deps.config.sessionTtlHours * 3_600_000),
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token, tokenHash: session.tokenHash, createdAt: now, expiresAt: session.expiresAt };
  }

  async logout(actor: Actor) {
    await this.em.nativeDelete(AdminSession, { tokenHash: actor.sessionTokenHash });
    await new AuditService(this.em, actor, this.deps).insertNow({
      action: 'auth.logout',
      entityType: 'AdminUser',
      subject: actor.userId,
    });
  }

  /**
   * The actor behind a session cookie, or null when it is unknown, expired or disabled. Lean SQL
   * only, so it may run on the root EntityManager (the request's own is forked only if used).
   */
  async resolveSession(token: string | undefined): Promise<{ actor: Actor; expiresAt: Date; renewed: boolean } | null> {
    if (!token || token.length > 100) return null;
    const tokenHash = hashToken(token);
    // One lean prepared query on every request (the ORM's findOne + populate cost more than the page it guards).
    const row = await sessionRow(this.em, tokenHash);
    const now = this.deps.now();
    if (!row) return null;
    let expiresAt = fromDbDate(row.expires_at);
    if (expiresAt <= now || fromDbBoolean(row.disabled)) return null;
    let renewed = false;
    if (now.getTime() - fromDbDate(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      expiresAt = new Date(now.getTime() + this.deps.config.sessionTtlHours * 3_600_000);
      await renewSession(this.em, tokenHash, now, expiresAt);
      renewed = true;
    }
    const role = row.role as AdminRole;
    const actor: Actor = {
      userId: row.id as string,
      email: row.email as string,
      displayName: row.display_name as string,
      role,
      sessionTokenHash: tokenHash,
      restriction: sessionRestriction({
        role,
        mustChangePassword: fromDbBoolean(row.must_change_password),
        mfaEnrolled: row.totp_enabled_at != null,
        organisationRequiresMfa: this.deps.config.requireMfa || fromDbBoolean(row.org_require_mfa ?? false),
      }),
      language: (row.language as Language | null) ?? null,
    };
    return { actor, expiresAt, renewed };
  }

  async createAdminUser(
    actor: Actor | null,
    input: { email: string; displayName: string; role: AdminRole; password: string },
  ): Promise<AdminUser> {
    const issues = staffProfileIssues(input);
    const pw = input.password;
    issues.push(...passwordIssues(pw, { email: input.email, displayName: input.displayName }));
    if (issues.length) throw new BadInputError(issues);
    const email = normalizeEmail(input.email);
    if (await this.em.count(AdminUser, { email })) {
      throw new BadInputError([{ field: 'email', code: 'DUPLICATE', message: 'An admin with this e-mail exists' }]);
    }
    const user = this.em.create(AdminUser, {
      email,
      displayName: input.displayName.trim(),
      role: input.role,
      passwordHash: await hashPassword(pw),
    });
    new AuditService(this.em, actor, this.deps).record({
      action: 'admin_user.create',
      entityType: 'AdminUser',
      subject: user.id,
      detail: { role: input.role },
    });
    await flushNewAccount(this.em, 'email');
    return user;
  }

  /**
   * On first start there is no admin: create the owner from the environment, or with a
   * generated password that is printed once.
   */
  async ensureFirstOwner(): Promise<{ email: string; generatedPassword: string | null } | null> {
    if ((await this.em.count(AdminUser, {})) > 0) return null;
    const { adminEmail, adminPassword } = this.deps.config;
    const password = adminPassword ?? randomBytes(18).toString('base64url');
    await this.createAdminUser(null, { email: adminEmail, displayName: 'Administrator', role: 'OWNER', password });
    return { email: normalizeEmail(adminEmail), generatedPassword: adminPassword ? null : password };
  }
}

export function actorOf(user: AdminUser, sessionTokenHash: string): Actor {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    sessionTokenHash,
    restriction: null,
    language: user.language,
  };
}
