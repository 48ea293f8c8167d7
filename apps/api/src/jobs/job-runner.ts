import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { JobKind } from '@steward/policy-core';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { newId } from '../common/ids.js';
import type { AppDeps } from '../context.js';
import { claimJob, endJobAttempt, insertJob, reportJobProgress, type ClaimedJob } from './job.queries.js';

/**
 * A failure a job's handler reports on purpose: a stable `code` (what the admin shows; never a
 * message, stack trace or SQL), whether another attempt may mend it, and what it found (counts
 * and ids). Anything else a handler throws is `INTERNAL` and is retried.
 */
export class JobFailure extends Error {
  constructor(
    readonly code: string,
    readonly opts: { retry?: boolean; result?: Record<string, unknown> } = {},
  ) {
    super(code);
  }
}

/** The runner's worker lost the job's lease (another instance took it): the handler must stop. */
export class JobLeaseLost extends Error {
  constructor() {
    super('LEASE_LOST');
  }
}

/** The runner is stopping (a graceful stop): the handler's progress() throws it; the job is queued again, its attempt not counted. */
export class JobStopped extends Error {
  constructor() {
    super('STOPPED');
  }
}

/** What a handler is given for one attempt. */
export interface JobRun {
  id: string;
  payload: Record<string, unknown>;
  /** This attempt's number (1 for the first). */
  attempt: number;
  /** A fresh EntityManager of its own. */
  em: SqlEntityManager;
  deps: AppDeps;
  /**
   * Reports progress (`done` of `total`, and a message key the admin translates) and renews the
   * lease; throws JobLeaseLost when this instance no longer holds the job, and JobStopped once the
   * runner is stopping (a long job ends at its next report instead of holding up the stop).
   */
  progress(done: number, total: number | null, message: string | null): Promise<void>;
  /** Aborted when the runner stops: a handler that waits on something else may listen to it. */
  signal: AbortSignal;
}

/** One kind of job: how to run it and how often to try. */
export interface JobKindDefinition {
  kind: JobKind;
  /** Attempts before the job fails for good. */
  maxAttempts: number;
  /** The first retry waits about this long; each later one twice as long (with jitter), up to an hour. */
  backoffSeconds: number;
  /** Returns the result to keep (counts, ids, hashes: never a personal value). */
  run(job: JobRun): Promise<Record<string, unknown> | void>;
}

/**
 * A recurring job: one per period (`periodOf(now)`, e.g. the UTC day), whichever instance enqueues
 * it first — the period is the job's unique key.
 */
export interface JobSchedule {
  kind: JobKind;
  periodOf(now: Date): string;
}

/** Each UTC day's period key (`2026-04-01`). */
export const DAILY = (now: Date) => now.toISOString().slice(0, 10);

const MAX_BACKOFF_MS = 3_600_000;

/**
 * The wait before attempt `attempt + 1` after attempt `attempt` failed: `backoffSeconds` doubled per
 * attempt, at most an hour, of which a random half (`random` in [0, 1)) is taken off, so instances
 * that failed together do not retry together.
 */
export function backoffMs(backoffSeconds: number, attempt: number, random: number): number {
  const full = Math.min(backoffSeconds * 1000 * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
  return Math.round(full / 2 + (full / 2) * random);
}

export interface JobRunnerOptions {
  kinds: readonly JobKindDefinition[];
  schedules?: readonly JobSchedule[];
  /** This instance's name in `locked_by` (default: host, process and a random suffix). */
  workerId?: string;
  /** How long a claim holds a job without news from its worker (default 60 s); renewed a few times per lease. */
  leaseSeconds?: number;
  /** How often an idle runner looks for due jobs (default 5 s). */
  pollMs?: number;
  random?: () => number;
}

/**
 * The persisted job runner: jobs live in the `job` table (jobs/job.entity.ts), so they survive a
 * restart; an instance claims one with one conditional UPDATE (jobs/job.queries.ts) and holds it by
 * a lease it renews while the handler runs, so two instances never run a job at once and a job whose
 * instance died runs again once its lease ran out. A failed attempt is retried after an exponential
 * backoff with jitter, up to its kind's maxAttempts. Written here because no maintained library
 * serves both of Steward's databases through its own connection (ARCHITECTURE.md, "Written by hand").
 */
export class JobRunner {
  readonly workerId: string;
  private readonly kinds: ReadonlyMap<JobKind, JobKindDefinition>;
  private readonly schedules: readonly JobSchedule[];
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly random: () => number;
  private readonly enqueuedPeriods = new Map<JobKind, string>();
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();
  private stopped = true;
  /** Set by stop(): the turn in hand ends after its current job. */
  private stopRequested = false;
  /** Aborted by stop(): the job in hand ends at its next progress report (and runs again later). */
  private abort = new AbortController();

  constructor(
    private readonly orm: MikroORM,
    private readonly deps: AppDeps,
    opts: JobRunnerOptions,
  ) {
    this.kinds = new Map(opts.kinds.map((k) => [k.kind, k]));
    this.schedules = opts.schedules ?? [];
    this.workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = (opts.leaseSeconds ?? 60) * 1000;
    this.pollMs = opts.pollMs ?? 5000;
    this.random = opts.random ?? Math.random;
  }

  /** The definition of `kind` (its attempts), for whoever enqueues it. */
  definition(kind: JobKind): JobKindDefinition {
    const def = this.kinds.get(kind);
    if (!def) throw new Error(`No handler for job kind ${kind}`);
    return def;
  }

  /** Starts polling: due schedules are enqueued and due jobs run, one at a time, until stop(). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopRequested = false;
    this.abort = new AbortController();
    const loop = () => {
      this.current = this.tick()
        .catch((err: unknown) => this.deps.log.error('The job runner failed a turn', err))
        .finally(() => {
          if (!this.stopped) (this.timer = setTimeout(loop, this.pollMs)).unref();
        });
    };
    (this.timer = setTimeout(loop, 0)).unref();
  }

  /**
   * Stops polling and waits for the job in hand to end: at its next progress report it is stopped and
   * queued again (its lease released, the attempt not counted); its lease covers it if the process
   * exits first.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopRequested = true;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  /** One turn: enqueue what the schedules say is due, then run due jobs until none is left. Returns how many ran. */
  async tick(): Promise<number> {
    await this.enqueueDue();
    let ran = 0;
    while (ran < 100) {
      const claimed = await this.claim();
      if (!claimed) break;
      await this.run(claimed);
      ran += 1;
      if (this.stopRequested) break;
    }
    return ran;
  }

  /** Enqueues each schedule's job for the current period, once (the period is the job's unique key). */
  async enqueueDue(): Promise<void> {
    const now = this.deps.now();
    for (const schedule of this.schedules) {
      const period = `${schedule.kind}:${schedule.periodOf(now)}`;
      if (this.enqueuedPeriods.get(schedule.kind) === period) continue;
      await this.enqueue(schedule.kind, {}, { uniqueKey: period });
      this.enqueuedPeriods.set(schedule.kind, period);
    }
  }

  /** Enqueues a job of `kind`; with a `uniqueKey` already used, nothing. Returns its id, or null when it existed. */
  async enqueue(
    kind: JobKind,
    payload: Record<string, unknown>,
    opts: { uniqueKey?: string; createdById?: string; em?: SqlEntityManager } = {},
  ): Promise<string | null> {
    const id = newId();
    const now = this.deps.now();
    const inserted = await insertJob(opts.em ?? this.orm.em.fork(), {
      id,
      kind,
      payload,
      maxAttempts: this.definition(kind).maxAttempts,
      runAt: now,
      uniqueKey: opts.uniqueKey ?? null,
      createdById: opts.createdById ?? null,
      now,
    });
    return inserted ? id : null;
  }

  /** Claims the next due job this runner has a handler for (exposed for tests: a claim without a run is a worker that died). */
  claim(): Promise<ClaimedJob | null> {
    const now = this.deps.now();
    return claimJob(this.orm.em.fork(), {
      worker: this.workerId,
      kinds: [...this.kinds.keys()],
      now,
      until: new Date(now.getTime() + this.leaseMs),
    });
  }

  private async run(job: ClaimedJob): Promise<void> {
    const def = this.definition(job.kind);
    const em = this.orm.em.fork();
    // A job whose every attempt ended with its instance (the lease ran out each time) fails for good.
    if (job.attempts > job.maxAttempts) {
      await this.end(job, 'FAILED', null, 'ABANDONED');
      this.deps.log.error(`Job ${job.kind} ${job.id} failed: its lease ran out on every attempt`);
      return;
    }
    const lease = () => {
      const now = this.deps.now();
      return { id: job.id, worker: this.workerId, now, until: new Date(now.getTime() + this.leaseMs) };
    };
    const heartbeat = setInterval(
      () => void reportJobProgress(this.orm.em.fork(), { ...lease(), progress: null }).catch(() => undefined),
      Math.max(1000, this.leaseMs / 3),
    );
    heartbeat.unref();
    const signal = this.abort.signal;
    try {
      const result = await def.run({
        id: job.id,
        payload: job.payload,
        attempt: job.attempts,
        em: em as SqlEntityManager,
        deps: this.deps,
        signal,
        progress: async (done, total, message) => {
          if (signal.aborted) throw new JobStopped();
          const held = await reportJobProgress(this.orm.em.fork(), { ...lease(), progress: { done, total, message } });
          if (!held) throw new JobLeaseLost();
        },
      });
      await this.end(job, 'SUCCEEDED', result ?? null, null);
    } catch (err) {
      if (err instanceof JobLeaseLost) return;
      if (err instanceof JobStopped) {
        this.deps.log.info(`Job ${job.kind} ${job.id} stopped with the runner: it runs again later`);
        await this.end(job, 'QUEUED', null, null, this.deps.now(), true);
        return;
      }
      const failure = err instanceof JobFailure ? err : null;
      const code = failure?.code ?? 'INTERNAL';
      const retry = (failure?.opts.retry ?? true) && job.attempts < job.maxAttempts;
      if (failure) this.deps.log.error(`Job ${job.kind} ${job.id} failed (${code}, attempt ${job.attempts})`);
      else this.deps.log.error(`Job ${job.kind} ${job.id} failed (attempt ${job.attempts})`, err);
      const runAt = retry
        ? new Date(this.deps.now().getTime() + backoffMs(def.backoffSeconds, job.attempts, this.random()))
        : null;
      await this.end(job, retry ? 'QUEUED' : 'FAILED', failure?.opts.result ?? null, code, runAt);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async end(
    job: ClaimedJob,
    status: 'SUCCEEDED' | 'FAILED' | 'QUEUED',
    result: Record<string, unknown> | null,
    errorCode: string | null,
    runAt: Date | null = null,
    uncounted = false,
  ): Promise<void> {
    await endJobAttempt(this.orm.em.fork(), {
      uncounted,
      id: job.id,
      worker: this.workerId,
      now: this.deps.now(),
      status,
      runAt,
      result,
      errorCode,
    });
  }
}
