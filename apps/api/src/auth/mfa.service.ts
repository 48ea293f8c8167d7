import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, DomainError, NotFoundError } from '../common/errors.js';
import { Service } from '../common/transaction.js';
import { acceptTotpCode, newTotpSecret } from '../crypto/totp-secret.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { AdminSession } from './admin-session.entity.js';
import { AdminUser } from './admin-user.entity.js';
import { verifyPassword } from './password.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { MFA_REQUIRED_ROLES } from '@steward/policy-core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Actor, AppDeps } from '../context.js';
import type { SecretAttempts } from './secret-attempts.js';

const RECOVERY_CODE_COUNT = 10;
// Without 0/o, 1/l/i: codes are read off paper and typed by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code as typed: case, spaces and dashes do not matter. */
function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]!);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/**
 * A member's second factor: TOTP (RFC 6238) with an authenticator app, enrolled by scanning a QR code
 * and confirming a first code, and ten one-time recovery codes (kept as keyed hashes) for a lost phone.
 */
export class MfaService extends Service {
  /** `secrets`: the member's limit on wrong secrets, for the steps that check one (the resolvers' service has it). */
  constructor(
    em: SqlEntityManager,
    actor: Actor | null,
    deps: AppDeps,
    private readonly secrets: SecretAttempts | null = null,
  ) {
    super(em, actor, deps);
  }

  /** Whether the organisation (or STEWARD_REQUIRE_MFA) requires a second factor of this role. */
  async requiredFor(user: AdminUser): Promise<boolean> {
    if (!MFA_REQUIRED_ROLES.includes(user.role)) return false;
    return this.deps.config.requireMfa || (await loadOrganisation(this.em)).requireMfa;
  }

  private async me(): Promise<AdminUser> {
    if (!this.actor) throw new NotFoundError('AdminUser', 'me');
    const user = await this.em.findOne(AdminUser, { id: this.actor.userId });
    if (!user) throw new NotFoundError('AdminUser', this.actor.userId);
    return user;
  }

  /**
   * Checks one of the caller's secrets within their limit on wrong ones (TOO_MANY_REQUESTS past it),
   * before the write's transaction: the count must outlive the refusal that rolls the transaction back.
   */
  private async checkSecret(check: (user: AdminUser) => Promise<boolean>, refusal: BadInputError): Promise<void> {
    if (!this.secrets) throw new Error('MfaService: a secret is checked without the limit on wrong secrets');
    const user = await this.me();
    if (!(await this.secrets.check(user.id, () => check(user)))) throw refusal;
  }

  private checkPassword(password: string): Promise<void> {
    return this.checkSecret(
      (user) => verifyPassword(user.passwordHash, password),
      new BadInputError([{ field: 'password', code: 'INVALID_VALUE', message: 'The password is incorrect.' }]),
    );
  }

  private audit(action: string, subject: string, detail?: Record<string, unknown>) {
    new AuditService(this.em, this.actor, this.deps).record({ action, entityType: 'AdminUser', subject, detail });
  }

  /** A new secret for the caller, kept pending until a first code confirms it. */
  async beginEnrolment(): Promise<{ secret: string; uri: string; qrSvg: string }> {
    const user = await this.me();
    if (user.totpEnabledAt) {
      throw new BadInputError([
        { field: 'totp', code: 'INVALID_TRANSITION', message: 'A second factor is enrolled already: remove it first.' },
      ]);
    }
    const organisation = await loadOrganisation(this.em);
    const { secret, sealed, uri } = newTotpSecret(this.deps.cipher, {
      userId: user.id,
      email: user.email,
      issuer: `Steward (${organisation.name})`,
    });
    user.totpPendingSealed = sealed;
    await this.em.flush();
    return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }

  /**
   * Confirms the pending secret with a first code and the member's password; returns the recovery
   * codes, shown once. The password is asked of every session, a restricted MFA_ENROLMENT one too
   * (its member has just typed it to sign in): a stolen session must not attach its thief's
   * authenticator, and a session that must enrol is the one a thief would most like to finish.
   */
  async confirmEnrolment(code: string, password: string): Promise<string[]> {
    await this.checkPassword(password);
    return this.inTransaction((tx) => tx.writeConfirmEnrolment(code));
  }

  private async writeConfirmEnrolment(code: string): Promise<string[]> {
    const user = await this.me();
    if (!user.totpPendingSealed) {
      throw new BadInputError([
        { field: 'code', code: 'INVALID_TRANSITION', message: 'Start the enrolment first (beginTotpEnrolment).' },
      ]);
    }
    const step = await acceptTotpCode(
      this.deps.cipher,
      user.id,
      user.totpPendingSealed,
      code.trim(),
      this.deps.now(),
      null,
    );
    if (step === null) {
      throw new BadInputError([
        { field: 'code', code: 'INVALID_VALUE', message: 'The code does not match: try the next one.' },
      ]);
    }
    user.totpSecretSealed = user.totpPendingSealed;
    user.totpPendingSealed = null;
    user.totpEnabledAt = this.deps.now();
    user.totpLastStep = step;
    const codes = await this.replaceRecoveryCodes(user);
    this.audit('auth.mfa_enrolled', user.id);
    await this.em.flush();
    return codes;
  }

  /**
   * New recovery codes for the caller (the old ones stop working), confirmed by a current code
   * (within the member's limit on wrong secrets).
   */
  async regenerateRecoveryCodes(code: string): Promise<string[]> {
    await this.checkSecret(
      (user) => this.acceptTotp(user, code),
      new BadInputError([{ field: 'code', code: 'INVALID_VALUE', message: 'The code does not match.' }]),
    );
    return this.inTransaction((tx) => tx.writeRegenerateRecoveryCodes());
  }

  private async writeRegenerateRecoveryCodes(): Promise<string[]> {
    const user = await this.me();
    const codes = await this.replaceRecoveryCodes(user);
    this.audit('auth.recovery_codes_regenerated', user.id);
    await this.em.flush();
    return codes;
  }

  /** Removes the caller's own second factor (password required, within the limit on wrong secrets), unless their role must have one. */
  async disable(password: string): Promise<AdminUser> {
    await this.checkPassword(password);
    return this.inTransaction((tx) => tx.writeDisable());
  }

  private async writeDisable(): Promise<AdminUser> {
    const user = await this.me();
    if (await this.requiredFor(user)) {
      throw new DomainError('FORBIDDEN', 'Your organisation requires a second factor for your role');
    }
    await this.clear(user);
    this.audit('auth.mfa_disabled', user.id);
    await this.em.flush();
    return user;
  }

  /** Removes `user`'s second factor and recovery codes (disable, an owner's reset, the operator's recovery). */
  async clear(user: AdminUser): Promise<void> {
    user.totpSecretSealed = null;
    user.totpPendingSealed = null;
    user.totpEnabledAt = null;
    user.totpLastStep = null;
    await this.em.nativeDelete(RecoveryCode, { user: user.id });
  }

  /** Ends every session of `user` now, on every instance (sessions live in the database). */
  async endSessions(user: AdminUser): Promise<number> {
    return this.em.nativeDelete(AdminSession, { user: user.id });
  }

  /** At sign-in: a current TOTP code (once only) or an unused recovery code (then spent). */
  async acceptAtSignIn(user: AdminUser, code: string): Promise<boolean> {
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) return this.acceptTotp(user, trimmed);
    const hash = this.recoveryHash(user, trimmed);
    const match = await this.em.findOne(RecoveryCode, { user: user.id, codeHash: hash, usedAt: null });
    if (!match) return false;
    // Spent at most once even when two sign-ins race: only the one that flips usedAt wins.
    const spent = await this.em.nativeUpdate(RecoveryCode, { id: match.id, usedAt: null }, { usedAt: this.deps.now() });
    if (spent !== 1) return false;
    const left = await this.em.count(RecoveryCode, { user: user.id, usedAt: null });
    new AuditService(this.em, null, this.deps).record({
      action: 'auth.recovery_code_used',
      entityType: 'AdminUser',
      subject: user.id,
      detail: { left },
    });
    return true;
  }

  private async acceptTotp(user: AdminUser, code: string): Promise<boolean> {
    if (!user.totpSecretSealed) return false;
    const step = await acceptTotpCode(
      this.deps.cipher,
      user.id,
      user.totpSecretSealed,
      code.trim(),
      this.deps.now(),
      user.totpLastStep,
    );
    if (step === null) return false;
    // A code is accepted once: a second sign-in with the same code in the same step is refused.
    const moved = await this.em.nativeUpdate(
      AdminUser,
      { id: user.id, $or: [{ totpLastStep: null }, { totpLastStep: { $lt: step } }] },
      { totpLastStep: step },
    );
    if (moved !== 1) return false;
    user.totpLastStep = step;
    return true;
  }

  private recoveryHash(user: AdminUser, code: string): string {
    return this.deps.cipher.blindIndex('admin_user.recovery', `${user.id}\u0000${normalizeRecoveryCode(code)}`);
  }

  private async replaceRecoveryCodes(user: AdminUser): Promise<string[]> {
    await this.em.nativeDelete(RecoveryCode, { user: user.id });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const now = this.deps.now();
    for (const code of codes) {
      this.em.create(RecoveryCode, { user, codeHash: this.recoveryHash(user, code), createdAt: now });
    }
    return codes;
  }
}
