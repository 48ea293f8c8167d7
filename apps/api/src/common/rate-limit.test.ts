import { describe, expect, it } from 'vitest';
import { RateLimitedError, RateLimits } from './rate-limit.js';

const rule = { name: 'test.rule', points: 3, durationSeconds: 60 };

describe('RateLimits', () => {
  it('allows the budget per key, then refuses with TOO_MANY_REQUESTS and a retry hint', async () => {
    const limits = new RateLimits();
    for (let i = 0; i < 3; i++) await limits.consume(rule, 'a');
    const refused = await limits.consume(rule, 'a').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).code).toBe('TOO_MANY_REQUESTS');
    expect((refused as RateLimitedError).extensions.retryAfterSeconds).toBeGreaterThan(0);
    // Another key has its own budget.
    await expect(limits.consume(rule, 'b')).resolves.toBeUndefined();
  });

  it('scales budgets, and scale 0 turns limiting off', async () => {
    const doubled = new RateLimits(2);
    for (let i = 0; i < 6; i++) await doubled.consume(rule, 'a');
    await expect(doubled.consume(rule, 'a')).rejects.toBeInstanceOf(RateLimitedError);
    const off = new RateLimits(0);
    for (let i = 0; i < 50; i++) await off.consume(rule, 'a');
  });
});
