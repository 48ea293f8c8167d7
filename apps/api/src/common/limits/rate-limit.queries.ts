import type { EntityManager } from '@mikro-orm/core';
import { dialectOf, fromDbDate } from '../sql/dialect.js';
import { leanRows, leanRun } from '../sql/lean-sql.js';

// The rate-limit counters' statements: one atomic upsert per attempt (the database serialises
// concurrent attempts on one key, on every instance), so an attempt is counted before it is judged.

export interface CounterState {
  points: number;
  expiresAt: Date | null;
}

function state(row: Record<string, unknown> | undefined): CounterState | null {
  if (!row) return null;
  return { points: Number(row.points), expiresAt: row.expires_at == null ? null : fromDbDate(row.expires_at) };
}

/**
 * Adds `points` to the counter of `key` and returns its new state. A counter whose window has ended
 * starts again at `points` with the new window; `replace` sets the counter outright (a block).
 */
export async function addToCounter(
  em: EntityManager,
  input: { key: string; points: number; expiresAt: Date | null; now: Date; replace: boolean },
): Promise<CounterState> {
  const d = dialectOf(em);
  const live = 'rate_limit_counter.expires_at is null or rate_limit_counter.expires_at > :now';
  const sql = input.replace
    ? 'insert into rate_limit_counter (limiter_key, points, expires_at) values (:key, :points, :expiresAt)' +
      ' on conflict (limiter_key) do update set points = excluded.points, expires_at = excluded.expires_at' +
      ' returning points, expires_at'
    : 'insert into rate_limit_counter (limiter_key, points, expires_at) values (:key, :points, :expiresAt)' +
      ' on conflict (limiter_key) do update set' +
      ` points = case when ${live} then rate_limit_counter.points + excluded.points else excluded.points end,` +
      ` expires_at = case when ${live} then rate_limit_counter.expires_at else excluded.expires_at end` +
      ' returning points, expires_at';
  const [row] = await leanRows(em, {
    sql,
    params: {
      key: input.key,
      points: input.points,
      expiresAt: input.expiresAt ? d.toDbDate(input.expiresAt) : null,
      now: d.toDbDate(input.now),
    },
  });
  return state(row)!;
}

/** The live state of `key`'s counter, or null when it has none or its window has ended. */
export async function readCounter(em: EntityManager, key: string, now: Date): Promise<CounterState | null> {
  const [row] = await leanRows(em, {
    sql:
      'select points, expires_at from rate_limit_counter' +
      ' where limiter_key = :key and (expires_at is null or expires_at > :now)',
    params: { key, now: dialectOf(em).toDbDate(now) },
  });
  return state(row);
}

/** Removes `key`'s counter; whether there was one. */
export async function deleteCounter(em: EntityManager, key: string): Promise<boolean> {
  const [row] = await leanRows(em, {
    sql: 'delete from rate_limit_counter where limiter_key = :key returning limiter_key',
    params: { key },
  });
  return row !== undefined;
}

/** Removes counters whose window ended before `before`, so the table holds only live windows. */
export async function purgeExpiredCounters(em: EntityManager, before: Date): Promise<void> {
  await leanRun(em, {
    sql: 'delete from rate_limit_counter where expires_at is not null and expires_at <= :before',
    params: { before: dialectOf(em).toDbDate(before) },
  });
}
