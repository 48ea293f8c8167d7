import type { EntityManager } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/rate-limit.js';
import { addressBucket } from '../common/limits/address-bucket.js';
import { DbRateLimiter, spend } from '../common/limits/db-rate-limiter.js';
import type { FieldCipher } from '../crypto/field-cipher.js';

/**
 * The sign-in limits. Every attempt is counted before its password is checked (one atomic upsert per
 * counter, shared by every instance on the database), so concurrent guesses cannot slip past a limit.
 * - per account and address: the lock bites here — the attacker's (account, address) pair, not the
 *   account's owner signing in from elsewhere;
 * - per address, across accounts: bounds how fast one address can guess (a success gives its point back);
 * - per account: past `accountAttempts` attempts from browsers the account does not know (a success
 *   gives its point back) the account is only slowed, never locked: one attempt per `pace` for the
 *   whole account, and only from an address that has not failed on it in the window (`pairFailures`),
 *   so a guesser needs a fresh address for every paced guess and cannot keep every slot from the
 *   owner's new browser; a browser that has signed in to the account before is exempt;
 * - second-factor codes after a right password: `codes` wrong ones per account, then the code step
 *   alone answers TOO_MANY_REQUESTS (see `admitCode`).
 */
export const SIGN_IN_LIMITS = {
  pair: { points: 10, durationSeconds: 15 * 60 },
  address: { points: 30, durationSeconds: 10 * 60 },
  accountAttempts: { points: 10, durationSeconds: 15 * 60 },
  pace: { points: 1, durationSeconds: 5 },
  pairFailures: { points: 1, durationSeconds: 15 * 60 },
  codes: { points: 5, durationSeconds: 15 * 60 },
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
  /** Whether the attempt spent a point of the account's attempts (given back on success). */
  accountCounted: boolean;
  /** The code counter the attempt spent a point of, given back when the code is right. */
  codeKey: string | null;
  /** This attempt's place among the window's second-factor codes for its account (the audit records it). */
  codePosition: number;
}

export class SignInThrottle {
  private readonly pair: DbRateLimiter;
  private readonly address: DbRateLimiter;
  private readonly accountAttempts: DbRateLimiter;
  private readonly pace: DbRateLimiter;
  private readonly pairFailures: DbRateLimiter;
  private readonly codes: DbRateLimiter;

  constructor(
    em: EntityManager,
    private readonly cipher: FieldCipher,
    now: () => Date,
  ) {
    const limiter = (keyPrefix: string, rule: { points: number; durationSeconds: number }) =>
      new DbRateLimiter({ em, now, keyPrefix, ...rule });
    this.pair = limiter('signin_pair', SIGN_IN_LIMITS.pair);
    this.address = limiter('signin_addr', SIGN_IN_LIMITS.address);
    this.accountAttempts = limiter('signin_acct_try', SIGN_IN_LIMITS.accountAttempts);
    this.pace = limiter('signin_pace', SIGN_IN_LIMITS.pace);
    this.pairFailures = limiter('signin_pair_fail', SIGN_IN_LIMITS.pairFailures);
    this.codes = limiter('signin_code', SIGN_IN_LIMITS.codes);
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
      accountCounted: false,
      codeKey: null,
      codePosition: 0,
    };
  }

  /**
   * Counts the attempt, before any password is checked; TOO_MANY_REQUESTS when a limit is spent.
   * The same for accounts that exist and accounts that do not. The account's attempts are counted
   * by the same atomic upsert that decides the slowdown: however many arrive at once, at most
   * `accountAttempts` are checked before the paced ones.
   */
  async admit(attempt: SignInAttempt, knownDevice: boolean): Promise<void> {
    await spend(this.address, attempt.address);
    attempt.pairPosition = (await spend(this.pair, attempt.pair)).consumedPoints;
    if (knownDevice) return;
    const attempts = await count(this.accountAttempts, attempt.account);
    attempt.accountCounted = true;
    if (attempts <= SIGN_IN_LIMITS.accountAttempts.points) return;
    // The slowdown: an address that failed on this account in the window waits for the window's end,
    // so it cannot take the paced slot that an owner's new browser is waiting for.
    const failedHere = await this.pairFailures.get(attempt.pair);
    try {
      if (failedHere) throw new RateLimitedError(Math.max(1, Math.ceil(failedHere.msBeforeNext / 1000)));
      await spend(this.pace, attempt.account);
    } catch (refused) {
      // No password is checked: the attempt does not count towards its pair's ten, so an owner who
      // waits for a slot from a new browser is not locked out of it by the waiting.
      await this.pair.reward(attempt.pair);
      throw refused;
    }
  }

  /** A wrong password or code: the address has failed on this account (it may no longer take a paced slot). */
  async failed(attempt: SignInAttempt): Promise<void> {
    await this.pairFailures.penalty(attempt.pair);
  }

  /**
   * Counts a second-factor code, after the right password and before the code is checked:
   * TOO_MANY_REQUESTS once `codes` wrong ones were sent in the window. Only the code step is locked:
   * the password was right, so the pair and device logic stay as they are, and a browser that signed
   * in before (a device cookie) counts in a bucket of its own — an attacker who knows the password
   * can spend the new browsers' codes for the window, not the owner's usual browser's. Six digits at
   * five guesses per 15 minutes take years to find.
   */
  async admitCode(attempt: SignInAttempt, knownDevice: boolean): Promise<void> {
    const key = knownDevice ? `${attempt.account}.device` : attempt.account;
    attempt.codePosition = (await spend(this.codes, key)).consumedPoints;
    attempt.codeKey = key;
  }

  /** The right password (and code): the pair starts afresh and the account and address get their points back. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.pair.delete(attempt.pair);
    await this.pairFailures.delete(attempt.pair);
    await this.address.reward(attempt.address);
    if (attempt.accountCounted) await this.accountAttempts.reward(attempt.account);
    if (attempt.codeKey) await this.codes.reward(attempt.codeKey);
  }

  /**
   * Whether the browser's device cookie says it has signed in to `email`'s account before, since
   * the account's device epoch last moved (a password change or reset, a second factor removed, a
   * deactivation: admin-user.entity.ts).
   */
  knowsDevice(deviceCookie: string | null, email: string, epoch: number): boolean {
    return deviceTokens(deviceCookie).some((token) => {
      const [nonce, mac] = token.split('.');
      return !!nonce && mac === this.deviceMac(email, epoch, nonce);
    });
  }

  /** The device cookie's value after signing in to `email`'s account: this account's token first, at most five. */
  rememberDevice(deviceCookie: string | null, email: string, epoch: number): string {
    const others = deviceTokens(deviceCookie).filter((token) => !this.knowsDevice(token, email, epoch));
    const nonce = randomBytes(16).toString('base64url');
    return [`${nonce}.${this.deviceMac(email, epoch, nonce)}`, ...others].slice(0, MAX_DEVICE_TOKENS).join('~');
  }

  private deviceMac(email: string, epoch: number, nonce: string): string {
    return this.cipher.blindIndex('signin.device', `${email}\u0000${epoch}\u0000${nonce}`).slice(0, 32);
  }
}

function deviceTokens(cookie: string | null): string[] {
  if (!cookie || cookie.length > 1000) return [];
  return cookie.split('~').slice(0, MAX_DEVICE_TOKENS);
}

/** Adds one point to `key`'s counter and returns the window's count, past the limit too (never refuses). */
async function count(limiter: DbRateLimiter, key: string): Promise<number> {
  try {
    return (await limiter.consume(key)).consumedPoints;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection.consumedPoints;
    throw rejection;
  }
}
