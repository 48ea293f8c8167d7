import type { EntityManager } from '@mikro-orm/core';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { addressBucket } from './limits/address-bucket.js';
import { DbRateLimiter } from './limits/db-rate-limiter.js';
import { DomainError } from './errors.js';
import { rateLimitRefusals } from './metrics.js';

/** A budget of requests per key (visitor, address, …) over a window. */
export interface RateLimitRule {
  /** Unique across the process: one limiter per name. */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * `@Extensions(rateLimitedBy(RULE))` on a public root field whose resolver spends `RULE` per client
 * address before it reads the input: the input boundary (common/input-boundary.ts), which answers
 * before the resolver runs, spends it too when it refuses the input — so a refused request counts
 * like any other attempt, and a spent address hears TOO_MANY_REQUESTS whatever it sends.
 */
export function rateLimitedBy(rule: RateLimitRule): { rateLimit: RateLimitRule } {
  return { rateLimit: rule };
}

export class RateLimitedError extends DomainError {
  /**
   * `limit` names the spent budget in `steward_rate_limit_refusals_total{limit}`: the rule's name, or
   * the database limiter's key prefix (`spend`, common/limits/); a refusal that names none (the
   * sign-in throttle's refusal after failed attempts) counts as `sign-in`.
   */
  constructor(retryAfterSeconds: number, limit = 'sign-in') {
    super('TOO_MANY_REQUESTS', 'Too many requests; try again later', { retryAfterSeconds });
    rateLimitRefusals.inc({ limit });
  }
}

/** Where public budgets are kept when several instances share them: the database (PostgreSQL). */
export interface SharedBudgets {
  /** The root EntityManager: counters are written at once, outside any request's transaction. */
  em: EntityManager;
  now: () => Date;
  /** A keyed hash of what a limit counts (an address, a visitor): the table never holds it in plaintext. */
  keyOf: (key: string) => string;
}

/**
 * The limiters of the public (unauthenticated) entry points: public forms and the cookie consent
 * API. With `shared` (PostgreSQL, where several instances may serve one database) each budget is
 * one budget across all instances, counted in the database (common/limits/db-rate-limiter.ts);
 * once a key has spent its budget this process also blocks it in memory until its window ends, so
 * a spent key costs no database round trip, and while the database cannot be reached attempts are
 * counted in memory. Without it (SQLite: one instance) they are counted in memory.
 * `scale` multiplies every budget (STEWARD_RATE_LIMIT_SCALE; 0 turns limiting off, e.g. for benchmarks).
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly scale = 1,
    private readonly shared: SharedBudgets | null = null,
  ) {}

  /**
   * Spends one point of `rule` for a client address, grouped as sign-in groups it (addressBucket: an
   * IPv6 address by its /64, which one subscriber can walk at will).
   */
  consumeAddress(rule: RateLimitRule, clientAddress: string): Promise<void> {
    return this.consume(rule, addressBucket(clientAddress));
  }

  /** Spends one point of `rule` for `key`; throws TOO_MANY_REQUESTS when the budget is used up. */
  async consume(rule: RateLimitRule, key: string): Promise<void> {
    if (this.scale === 0) return;
    let limiter = this.limiters.get(rule.name);
    if (!limiter) {
      limiter = this.limiterFor(rule, Math.max(1, Math.round(rule.points * this.scale)));
      this.limiters.set(rule.name, limiter);
    }
    try {
      await limiter.consume(this.shared ? this.shared.keyOf(key) : key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw new RateLimitedError(Math.ceil(rejection.msBeforeNext / 1000), rule.name);
      throw rejection;
    }
  }

  private limiterFor(rule: RateLimitRule, points: number): RateLimiterAbstract {
    const memory = new RateLimiterMemory({ keyPrefix: rule.name, points, duration: rule.durationSeconds });
    if (!this.shared) return memory;
    return new DbRateLimiter({
      keyPrefix: `public:${rule.name}`,
      points,
      durationSeconds: rule.durationSeconds,
      em: this.shared.em,
      now: this.shared.now,
      inMemoryBlockOnConsumed: points,
      insuranceLimiter: memory,
    });
  }
}
