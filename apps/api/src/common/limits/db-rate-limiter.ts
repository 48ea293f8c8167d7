import type { EntityManager } from '@mikro-orm/core';
import { createRequire } from 'node:module';
import {
  RateLimiterRes,
  type RateLimiterAbstract,
  type RateLimiterStoreAbstract as StoreAbstract,
} from 'rate-limiter-flexible';
import { RateLimitedError } from '../rate-limit.js';
import {
  addToCounter,
  deleteCounter,
  purgeExpiredCounters,
  readCounter,
  type CounterState,
} from './rate-limit.queries.js';

export interface DbRateLimiterOptions {
  /** Unique per limiter: its counters' keys start with it. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** The root EntityManager: counters are written at once, outside any request's transaction. */
  em: EntityManager;
  now: () => Date;
  /**
   * Blocks a key in this process's memory once it has spent this many points (at least `points`),
   * until its window ends, so a spent key costs no database write. 0 (the default) never does:
   * right for a limit whose keys another instance may clear (a successful sign-in), not needed for
   * one whose counters only ever grow within their window (the public limits).
   */
  inMemoryBlockOnConsumed?: number;
  /** Where attempts are counted while the database cannot be reached (in memory, per process). */
  insuranceLimiter?: RateLimiterAbstract;
}

// The library declares its store base class in its types but does not export it from its entry point.
const RateLimiterStoreAbstract = createRequire(import.meta.url)(
  'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js',
) as typeof StoreAbstract;

/** How often a limiter deletes the counters whose window has ended (all limiters' counters). */
const PURGE_INTERVAL_MS = 60_000;

/**
 * rate-limiter-flexible's algorithm (consume, penalty, reward, block) over Steward's own table
 * (`rate_limit_counter`, created by migrations), so every instance on one database shares one
 * budget. Written here rather than taken from the library's stores: its SQLite store speaks only to
 * sqlite3/better-sqlite3 clients and Steward's SQLite is libsql; its PostgreSQL store creates its own
 * table outside migrations. The two statements it needs are in rate-limit.queries.ts.
 */
export class DbRateLimiter extends RateLimiterStoreAbstract {
  private readonly em: EntityManager;
  private readonly now: () => Date;
  private lastPurge = 0;

  constructor(options: DbRateLimiterOptions) {
    super({
      storeClient: options.em,
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.durationSeconds,
      // By default never remember a block in this process: another instance may have cleared the key.
      inMemoryBlockOnConsumed: options.inMemoryBlockOnConsumed ?? 0,
      ...(options.insuranceLimiter ? { insuranceLimiter: options.insuranceLimiter } : {}),
    });
    this.em = options.em;
    this.now = options.now;
  }

  async _upsert(rlKey: string, points: number, msDuration: number, forceExpire = false): Promise<CounterState> {
    const now = this.now();
    if (Math.abs(now.getTime() - this.lastPurge) > PURGE_INTERVAL_MS) {
      this.lastPurge = now.getTime();
      await purgeExpiredCounters(this.em, now);
    }
    return addToCounter(this.em, {
      key: rlKey,
      points,
      expiresAt: msDuration > 0 ? new Date(now.getTime() + msDuration) : null,
      now,
      replace: forceExpire,
    });
  }

  _get(rlKey: string): Promise<CounterState | null> {
    return readCounter(this.em, rlKey, this.now());
  }

  _delete(rlKey: string): Promise<boolean> {
    return deleteCounter(this.em, rlKey);
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, state: CounterState): RateLimiterRes {
    const isFirstInDuration = changedPoints === state.points;
    const consumed = isFirstInDuration ? changedPoints : state.points;
    const msBeforeNext = state.expiresAt ? Math.max(state.expiresAt.getTime() - this.now().getTime(), 0) : -1;
    return new RateLimiterRes(Math.max(this.points - consumed, 0), msBeforeNext, consumed, isFirstInDuration);
  }
}

/** Spends one point of `limiter` for `key`; TOO_MANY_REQUESTS (with `retryAfterSeconds`) when its budget is used up. */
export async function spend(limiter: DbRateLimiter, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes)
      throw new RateLimitedError(Math.ceil(rejection.msBeforeNext / 1000), limiter.keyPrefix);
    throw rejection;
  }
}
