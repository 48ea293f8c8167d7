import type { EntityManager } from '@mikro-orm/core';
import type { JobKind, JobStatus } from '@steward/policy-core';
import { dialectOf, perDialect } from '../common/sql/dialect.js';
import { leanCountUpTo, leanRows } from '../common/sql/lean-sql.js';

// The job runner's statements (jobs/job-runner.ts). Each is one conditional statement, so the
// database decides who holds a job: a claim takes a queued job that is due, or a running one whose
// lease ran out, in one UPDATE (on PostgreSQL its row is picked `for update skip locked`, so
// concurrent claims on other instances pass it by); every later write names the worker that holds
// the lease, so a worker that lost it changes nothing.

/** A job as its runner sees it once claimed. */
export interface ClaimedJob {
  id: string;
  kind: JobKind;
  payload: Record<string, unknown>;
  /** This attempt's number (1 for the first). */
  attempts: number;
  maxAttempts: number;
}

export interface NewJob {
  id: string;
  kind: JobKind;
  payload: Record<string, unknown>;
  maxAttempts: number;
  runAt: Date;
  uniqueKey: string | null;
  createdById: string | null;
  now: Date;
}

/** Inserts a job; with a `uniqueKey` already taken, nothing (returns false): a scheduled period enqueues once. */
export async function insertJob(em: EntityManager, job: NewJob): Promise<boolean> {
  const d = dialectOf(em);
  const rows = await leanRows(em, {
    sql:
      'insert into job (id, created_at, updated_at, kind, payload, status, attempts, max_attempts, run_at,' +
      ' progress_done, unique_key, created_by_id)' +
      " values (:id, :now, :now, :kind, :payload, 'QUEUED', 0, :maxAttempts, :runAt, 0, :uniqueKey, :createdById)" +
      ' on conflict (unique_key) do nothing returning id',
    params: {
      id: job.id,
      now: d.toDbDate(job.now),
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      maxAttempts: job.maxAttempts,
      runAt: d.toDbDate(job.runAt),
      uniqueKey: job.uniqueKey,
      createdById: job.createdById,
    },
  });
  return rows.length > 0;
}

const claimSql = perDialect(
  (d) =>
    "update job set status = 'RUNNING', locked_by = :worker, locked_until = :until, attempts = attempts + 1," +
    ' started_at = coalesce(started_at, :now), updated_at = :now' +
    ' where id = (select id from job where kind in (:kinds)' +
    " and ((status = 'QUEUED' and run_at <= :now) or (status = 'RUNNING' and locked_until <= :now))" +
    ` order by run_at, id limit 1${d.skipLocked})` +
    " and ((status = 'QUEUED' and run_at <= :now) or (status = 'RUNNING' and locked_until <= :now))" +
    ' returning id, kind, payload, attempts, max_attempts',
);

/**
 * Claims the next due job of one of `kinds` for `worker` until `until` (its lease), or null when
 * none is due. A running job whose lease ran out (its instance died or stopped) is claimed again.
 */
export async function claimJob(
  em: EntityManager,
  input: { worker: string; kinds: readonly JobKind[]; now: Date; until: Date },
): Promise<ClaimedJob | null> {
  const d = dialectOf(em);
  const [row] = await leanRows(em, {
    sql: claimSql(d),
    params: {
      worker: input.worker,
      kinds: [...input.kinds],
      now: d.toDbDate(input.now),
      until: d.toDbDate(input.until),
    },
  });
  if (!row) return null;
  return {
    id: String(row.id),
    kind: row.kind as JobKind,
    payload: JSON.parse(String(row.payload)) as Record<string, unknown>,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
  };
}

/** The lease's and the progress's columns: whether `worker` still holds the job. */
export async function reportJobProgress(
  em: EntityManager,
  input: {
    id: string;
    worker: string;
    now: Date;
    until: Date;
    progress: { done: number; total: number | null; message: string | null } | null;
  },
): Promise<boolean> {
  const d = dialectOf(em);
  const progress = input.progress
    ? ', progress_done = :done, progress_total = :total, progress_message = :message'
    : '';
  const rows = await leanRows(em, {
    sql:
      `update job set locked_until = :until, updated_at = :now${progress}` +
      " where id = :id and locked_by = :worker and status = 'RUNNING' returning id",
    params: {
      id: input.id,
      worker: input.worker,
      now: d.toDbDate(input.now),
      until: d.toDbDate(input.until),
      ...(input.progress
        ? { done: input.progress.done, total: input.progress.total, message: input.progress.message }
        : {}),
    },
  });
  return rows.length > 0;
}

/**
 * Ends `worker`'s attempt: SUCCEEDED or FAILED for good (`runAt` null), or QUEUED again for a retry
 * at `runAt`. Whether the worker still held the job.
 */
export async function endJobAttempt(
  em: EntityManager,
  input: {
    id: string;
    worker: string;
    now: Date;
    status: Extract<JobStatus, 'SUCCEEDED' | 'FAILED' | 'QUEUED'>;
    runAt: Date | null;
    result: Record<string, unknown> | null;
    errorCode: string | null;
    /** The attempt does not count (the runner stopped it): it is given back. */
    uncounted?: boolean;
  },
): Promise<boolean> {
  const d = dialectOf(em);
  const retry = input.status === 'QUEUED';
  const giveBack = input.uncounted ? ' attempts = attempts - 1,' : '';
  const rows = await leanRows(em, {
    sql:
      `update job set status = :status, result = :result, error_code = :errorCode,${giveBack} locked_by = null,` +
      ` locked_until = null, updated_at = :now, ${retry ? 'run_at = :runAt' : 'finished_at = :now'}` +
      " where id = :id and locked_by = :worker and status = 'RUNNING' returning id",
    params: {
      id: input.id,
      worker: input.worker,
      status: input.status,
      now: d.toDbDate(input.now),
      result: input.result ? JSON.stringify(input.result) : null,
      errorCode: input.errorCode,
      ...(retry ? { runAt: d.toDbDate(input.runAt ?? input.now) } : {}),
    },
  });
  return rows.length > 0;
}

/** Cancels a queued job; false when it is not queued (already running or ended) or not there. */
export async function cancelQueuedJob(em: EntityManager, id: string, now: Date): Promise<boolean> {
  const d = dialectOf(em);
  const rows = await leanRows(em, {
    sql:
      "update job set status = 'CANCELLED', finished_at = :now, updated_at = :now" +
      " where id = :id and status = 'QUEUED' returning id",
    params: { id, now: d.toDbDate(now) },
  });
  return rows.length > 0;
}

/** How many jobs there are, reading at most `cap + 1` (scheduled jobs accumulate: one per period). */
export function jobCountUpTo(em: EntityManager, cap: number): Promise<number> {
  return leanCountUpTo(em, { sql: 'select 1 from job', params: {} }, cap);
}
