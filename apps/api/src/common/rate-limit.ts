import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
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

/**
 * Per-process limiters for the public (unauthenticated) entry points: public forms and the cookie
 * consent API. In memory on purpose — no extra service to run; with several instances behind a
 * balancer each enforces its own budget, which still bounds abuse per instance.
 * `scale` multiplies every budget (STEWARD_RATE_LIMIT_SCALE; 0 turns limiting off, e.g. for benchmarks).
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterMemory>();

  constructor(private readonly scale = 1) {}

  /** Spends one point of `rule` for `key`; throws TOO_MANY_REQUESTS when the budget is used up. */
  async consume(rule: RateLimitRule, key: string): Promise<void> {
    if (this.scale === 0) return;
    let limiter = this.limiters.get(rule.name);
    if (!limiter) {
      limiter = new RateLimiterMemory({
        keyPrefix: rule.name,
        points: Math.max(1, Math.round(rule.points * this.scale)),
        duration: rule.durationSeconds,
      });
      this.limiters.set(rule.name, limiter);
    }
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes)
        throw new RateLimitedError(Math.ceil(rejection.msBeforeNext / 1000), rule.name);
      throw rejection;
    }
  }
}
