import type { EntityManager } from '@mikro-orm/core';
import { DbRateLimiter, spend } from '../common/limits/db-rate-limiter.js';

/** Wrong secrets (a password, a second-factor code) one member's signed-in sessions may send per window. */
export const SECRET_LIMIT = { points: 10, durationSeconds: 15 * 60 } as const;

/**
 * The limit on the secrets a signed-in session checks (the current password to change it, to remove
 * the second factor or to confirm one; a code to replace the recovery codes): a stolen session must
 * not become an unlimited password or code oracle. Per member, in the database (every instance, every
 * session of the member share it), counted by one atomic upsert before the secret is checked and
 * given back when it was right: at most SECRET_LIMIT.points wrong ones per window, then
 * TOO_MANY_REQUESTS with `retryAfterSeconds`, as at sign-in.
 */
export class SecretAttempts {
  private readonly limiter: DbRateLimiter;

  /** `em`: the root EntityManager, so a count outlives the request's transaction when the request fails. */
  constructor(em: EntityManager, now: () => Date) {
    this.limiter = new DbRateLimiter({ em, now, keyPrefix: 'secret_user', ...SECRET_LIMIT });
  }

  /** Whether `check` accepts `userId`'s secret, counted first; TOO_MANY_REQUESTS when the budget is spent. */
  async check(userId: string, check: () => Promise<boolean>): Promise<boolean> {
    await spend(this.limiter, userId);
    const ok = await check();
    if (ok) await this.limiter.reward(userId);
    return ok;
  }
}
