import type { EntityManager } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/rate-limit.js';
import { addressBucket } from '../common/limits/address-bucket.js';
import { DbRateLimiter } from '../common/limits/db-rate-limiter.js';
import type { FieldCipher } from '../crypto/field-cipher.js';

/**
 * The sign-in limits. Every attempt is counted before its password is checked (one atomic upsert per
 * counter, shared by every instance on the database), so concurrent guesses cannot slip past a limit.
 * - per account and address: the lock bites here — the attacker's (account, address) pair, not the
 *   account's owner signing in from elsewhere;
 * - per address, across accounts: bounds how fast one address can guess (a success gives its point back);
 * - per account: past its failures the account is only slowed (one attempt per `pace` for the whole
 *   account), never locked; a browser that has signed in to the account before is exempt.
 */
export const SIGN_IN_LIMITS = {
  pair: { points: 10, durationSeconds: 15 * 60 },
  address: { points: 30, durationSeconds: 10 * 60 },
  accountFailures: { points: 10, durationSeconds: 15 * 60 },
  pace: { points: 1, durationSeconds: 5 },
} as const;

/** How many devices a browser remembers (one per account signed in from it). */
const MAX_DEVICE_TOKENS = 5;

/** One sign-in attempt's keys: keyed hashes, so no counter holds an e-mail or an address. */
export interface SignInAttempt {
  account: string;
  pair: string;
  address: string;
  /**
   * This attempt's place among its (account, address) window's attempts, from the atomic count: one
   * attempt is the first and one is the tenth however many arrive at once (the audit records those).
   */
  pairPosition: number;
}

export class SignInThrottle {
  private readonly pair: DbRateLimiter;
  private readonly address: DbRateLimiter;
  private readonly accountFailures: DbRateLimiter;
  private readonly pace: DbRateLimiter;

  constructor(
    em: EntityManager,
    private readonly cipher: FieldCipher,
    now: () => Date,
  ) {
    const limiter = (keyPrefix: string, rule: { points: number; durationSeconds: number }) =>
      new DbRateLimiter({ em, now, keyPrefix, ...rule });
    this.pair = limiter('signin_pair', SIGN_IN_LIMITS.pair);
    this.address = limiter('signin_addr', SIGN_IN_LIMITS.address);
    this.accountFailures = limiter('signin_acct', SIGN_IN_LIMITS.accountFailures);
    this.pace = limiter('signin_pace', SIGN_IN_LIMITS.pace);
  }

  /** The keyed hash a failed sign-in's e-mail is recorded under (the limiter's and the audit trail's). */
  accountRef(email: string): string {
    return this.cipher.blindIndex('signin.account', email);
  }

  attempt(email: string, clientAddress: string): SignInAttempt {
    const account = this.accountRef(email);
    const address = this.cipher.blindIndex('signin.address', addressBucket(clientAddress));
    return {
      account,
      address,
      pair: this.cipher.blindIndex('signin.pair', `${account}\u0000${address}`),
      pairPosition: 0,
    };
  }

  /**
   * Counts the attempt, before any password is checked; TOO_MANY_REQUESTS when a limit is spent.
   * The same for accounts that exist and accounts that do not.
   */
  async admit(attempt: SignInAttempt, knownDevice: boolean): Promise<void> {
    await spend(this.address, attempt.address);
    attempt.pairPosition = (await spend(this.pair, attempt.pair)).consumedPoints;
    if (knownDevice) return;
    const failures = await this.accountFailures.get(attempt.account);
    if (failures && failures.consumedPoints >= SIGN_IN_LIMITS.accountFailures.points) {
      await spend(this.pace, attempt.account);
    }
  }

  /** A wrong password: counts against the account as a whole. */
  async failed(attempt: SignInAttempt): Promise<void> {
    await this.accountFailures.penalty(attempt.account);
  }

  /** The right password: the pair starts afresh and the address gets its point back. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.pair.delete(attempt.pair);
    await this.address.reward(attempt.address);
  }

  /** Whether the browser's device cookie says it has signed in to `email`'s account before. */
  knowsDevice(deviceCookie: string | null, email: string): boolean {
    return deviceTokens(deviceCookie).some((token) => {
      const [nonce, mac] = token.split('.');
      return !!nonce && mac === this.deviceMac(email, nonce);
    });
  }

  /** The device cookie's value after signing in to `email`'s account: this account's token first, at most five. */
  rememberDevice(deviceCookie: string | null, email: string): string {
    const others = deviceTokens(deviceCookie).filter((token) => !this.knowsDevice(token, email));
    const nonce = randomBytes(16).toString('base64url');
    return [`${nonce}.${this.deviceMac(email, nonce)}`, ...others].slice(0, MAX_DEVICE_TOKENS).join('~');
  }

  private deviceMac(email: string, nonce: string): string {
    return this.cipher.blindIndex('signin.device', `${email}\u0000${nonce}`).slice(0, 32);
  }
}

function deviceTokens(cookie: string | null): string[] {
  if (!cookie || cookie.length > 1000) return [];
  return cookie.split('~').slice(0, MAX_DEVICE_TOKENS);
}

async function spend(limiter: DbRateLimiter, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}
