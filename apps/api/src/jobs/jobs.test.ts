import { CancelJobDocument, JobDocument, JobsDocument, RunLedgerVerificationDocument } from '@steward/schema';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { writeAnchorFile } from '../ledger/anchor-file.js';
import { DATABASES, SQLITE_ONLY } from '../test/databases.js';
import { createTestApp, errorOf, type TestApp } from '../test/test-app.js';
import { JOB_KINDS_RUN, JOB_SCHEDULES } from './job-kinds.js';
import { backoffMs, JobFailure, JobRunner, type JobKindDefinition } from './job-runner.js';
import { Job } from './job.entity.js';
import { endJobAttempt, insertJob } from './job.queries.js';
import { newId } from '../common/ids.js';

// The runner's guarantees on both databases: a claim is exclusive, failures retry with backoff up
// to the kind's attempts, a job whose worker died runs again once its lease ran out, progress is
// readable mid-run, a schedule's period enqueues once. Time is the test app's clock, never a wait.

const KIND = 'LEDGER_VERIFICATION' as const;
/** The ledger verification's schedule alone (the other schedules have suites of their own). */
const LEDGER_SCHEDULES = JOB_SCHEDULES.filter((s) => s.kind === KIND);

describe.each(DATABASES)('the job runner on %s', (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ database });
  }, 60_000);
  afterAll(() => app.close());
  beforeEach(async () => {
    await app.em().nativeDelete(Job, {});
  });

  function runner(run: JobKindDefinition['run'], opts: { worker?: string; lease?: number; maxAttempts?: number } = {}) {
    return new JobRunner(app.orm, app.deps, {
      kinds: [{ kind: KIND, maxAttempts: opts.maxAttempts ?? 3, backoffSeconds: 10, run }],
      workerId: opts.worker ?? 'worker-a',
      leaseSeconds: opts.lease ?? 30,
      random: () => 0.5,
    });
  }

  async function enqueue(n: number, maxAttempts = 3): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = newId();
      await insertJob(app.em(), {
        id,
        kind: KIND,
        payload: { n: i },
        maxAttempts,
        runAt: app.deps.now(),
        uniqueKey: null,
        createdById: null,
        now: app.deps.now(),
      });
      ids.push(id);
    }
    return ids;
  }

  const row = (id: string) => app.em().findOneOrFail(Job, { id });

  it('runs each job exactly once with two runners claiming at once', async () => {
    const ids = await enqueue(30);
    const ran: string[] = [];
    const run: JobKindDefinition['run'] = async ({ id }) => {
      ran.push(id);
      await new Promise((resolve) => setImmediate(resolve));
      return { done: true };
    };
    const [a, b] = await Promise.all([runner(run, { worker: 'a' }).tick(), runner(run, { worker: 'b' }).tick()]);
    expect(a + b).toBe(30);
    expect([...ran].sort()).toEqual([...ids].sort());
    const rows = await app.em().find(Job, {});
    expect(rows.every((r) => r.status === 'SUCCEEDED' && r.attempts === 1 && r.lockedBy === null)).toBe(true);
    expect(JSON.parse(rows[0]!.result!)).toEqual({ done: true });
  });

  it('retries a failure after an exponential backoff, then fails for good with its code', async () => {
    const [id] = await enqueue(1);
    const r = runner(async () => {
      throw new JobFailure('BOOM');
    });
    for (let attempt = 1; attempt <= 2; attempt++) {
      const before = app.deps.now().getTime();
      expect(await r.tick()).toBe(1);
      const job = await row(id!);
      expect(job).toMatchObject({ status: 'QUEUED', attempts: attempt, errorCode: 'BOOM', lockedBy: null });
      const wait = job.runAt.getTime() - before;
      expect(wait).toBeGreaterThanOrEqual(backoffMs(10, attempt, 0.5));
      expect(wait).toBeLessThan(backoffMs(10, attempt, 0.5) + 500);
      expect(await r.tick()).toBe(0);
      app.clock.advance(backoffMs(10, attempt, 0.5) + 1000);
    }
    expect(backoffMs(10, 2, 0.5)).toBe(2 * backoffMs(10, 1, 0.5));
    expect(await r.tick()).toBe(1);
    expect(await row(id!)).toMatchObject({ status: 'FAILED', attempts: 3, errorCode: 'BOOM' });
    expect((await row(id!)).finishedAt).not.toBeNull();
    app.clock.advance(3_600_000);
    expect(await r.tick()).toBe(0);
  });

  it('fails at once when the failure says no retry mends it, and hides what an unexpected error said', async () => {
    const [once, unexpected] = await enqueue(2);
    await runner(async ({ id }) => {
      if (id === once) throw new JobFailure('FOUND_BROKEN', { retry: false, result: { first: 5 } });
      throw new Error('select * from secret where value = 1');
    }).tick();
    expect(await row(once!)).toMatchObject({ status: 'FAILED', attempts: 1, errorCode: 'FOUND_BROKEN' });
    expect(JSON.parse((await row(once!)).result!)).toEqual({ first: 5 });
    expect(await row(unexpected!)).toMatchObject({
      status: 'QUEUED',
      attempts: 1,
      errorCode: 'INTERNAL',
      result: null,
    });
  });

  it('runs a job again once the lease of the worker that died ran out', async () => {
    const [id] = await enqueue(1);
    const dead = runner(async () => ({}), { worker: 'dead', lease: 30 });
    expect((await dead.claim())?.id).toBe(id);
    expect(await row(id!)).toMatchObject({ status: 'RUNNING', lockedBy: 'dead', attempts: 1 });

    const alive = runner(async () => ({ by: 'alive' }), { worker: 'alive' });
    expect(await alive.tick()).toBe(0);
    app.clock.advance(31_000);
    expect(await alive.tick()).toBe(1);
    expect(await row(id!)).toMatchObject({ status: 'SUCCEEDED', attempts: 2, lockedBy: null });
    // The dead worker's late word changes nothing.
    const late = await endJobAttempt(app.em(), {
      id: id!,
      worker: 'dead',
      now: app.deps.now(),
      status: 'FAILED',
      runAt: null,
      result: null,
      errorCode: 'LATE',
    });
    expect(late).toBe(false);
    expect((await row(id!)).status).toBe('SUCCEEDED');
  });

  it('gives up on a job whose every attempt lost its worker', async () => {
    const [id] = await enqueue(1, 1);
    await runner(async () => ({}), { worker: 'dead', maxAttempts: 1 }).claim();
    app.clock.advance(31_000);
    await runner(async () => ({}), { worker: 'alive', maxAttempts: 1 }).tick();
    expect(await row(id!)).toMatchObject({ status: 'FAILED', errorCode: 'ABANDONED' });
  });

  it('shows progress while the job runs', async () => {
    const owner = await app.clientAs('OWNER');
    const [id] = await enqueue(1);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reported!: () => void;
    const progressed = new Promise<void>((resolve) => (reported = resolve));
    const running = runner(async ({ progress }) => {
      await progress(3, 10, 'test.step');
      reported();
      await gate;
      await progress(10, 10, 'test.step');
      return { steps: 10 };
    }).tick();
    await progressed;
    const mid = await owner.ok(JobDocument, { id: id! });
    expect(mid.job).toMatchObject({
      status: 'RUNNING',
      attempts: 1,
      progress: { done: 3, total: 10, message: 'test.step' },
    });
    release();
    expect(await running).toBe(1);
    const done = await owner.ok(JobDocument, { id: id! });
    expect(done.job).toMatchObject({ status: 'SUCCEEDED', progress: { done: 10, total: 10 } });
    expect(JSON.parse(done.job.result!)).toEqual({ steps: 10 });
  });

  it('stops a long job at its next progress report on stop(), and queues it again without counting the attempt', async () => {
    const [id] = await enqueue(1);
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let reports = 0;
    const r = runner(async ({ progress }) => {
      started();
      // A job that would run for minutes (a long ledger verification), reporting as it goes.
      for (let i = 0; i < 60_000; i++) {
        await progress(i, 60_000, 'test.step');
        reports += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return { steps: 60_000 };
    });
    r.start();
    await running;
    const before = Date.now();
    await r.stop();
    expect(Date.now() - before).toBeLessThan(2000);
    expect(reports).toBeLessThan(1000);
    expect(await row(id!)).toMatchObject({ status: 'QUEUED', attempts: 0, lockedBy: null });
  });

  it('enqueues the daily ledger verification once per day, whichever runners try, and audits its result', async () => {
    const make = (worker: string) =>
      new JobRunner(app.orm, app.deps, { kinds: JOB_KINDS_RUN, schedules: LEDGER_SCHEDULES, workerId: worker });
    const [a, b] = [make('a'), make('b')];
    await Promise.all([a.enqueueDue(), b.enqueueDue(), make('c').enqueueDue()]);
    expect(await app.em().count(Job, {})).toBe(1);
    await Promise.all([a.enqueueDue(), b.enqueueDue()]);
    expect(await app.em().count(Job, {})).toBe(1);
    app.clock.advance(86_400_000);
    await Promise.all([a.enqueueDue(), b.enqueueDue()]);
    const jobs = await app.em().find(Job, {}, { orderBy: { id: 'asc' } });
    expect(jobs.map((j) => j.uniqueKey)).toEqual(['LEDGER_VERIFICATION:2026-04-01', 'LEDGER_VERIFICATION:2026-04-02']);

    expect((await Promise.all([a.tick(), b.tick()])).reduce((x, y) => x + y)).toBe(2);
    for (const job of jobs) {
      const done = await row(job.id);
      expect(done).toMatchObject({ status: 'SUCCEEDED', errorCode: null });
      expect(JSON.parse(done.result!)).toMatchObject({ ok: true, firstFailureSequence: null });
      const audit = await app.em().find(AuditEntry, { subject: job.id });
      expect(audit.map((e) => [e.action, e.actorLabel])).toEqual([['ledger.verified', `job:${job.id}`]]);
    }
  });

  it('fails a ledger verification that does not verify, visibly and without retrying', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-jobs-'));
    try {
      const file = join(dir, 'anchor.json');
      writeAnchorFile(file, { sequence: 5, hash: 'ab'.repeat(32) }, app.deps.now());
      const deps = { ...app.deps, config: { ...app.deps.config, ledgerAnchorFile: file } };
      const r = new JobRunner(app.orm, deps, { kinds: JOB_KINDS_RUN, schedules: LEDGER_SCHEDULES, workerId: 'a' });
      expect(await r.tick()).toBe(1);
      const [job] = await app.em().find(Job, {});
      expect(job).toMatchObject({ status: 'FAILED', attempts: 1, errorCode: 'LEDGER_VERIFICATION_FAILED' });
      expect(JSON.parse(job!.result!)).toMatchObject({ ok: false, firstFailureSequence: expect.any(Number) });
      const audit = await app.em().find(AuditEntry, { subject: job!.id });
      expect(audit.map((e) => e.action)).toEqual(['ledger.verification_failed']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(SQLITE_ONLY)('the jobs in GraphQL on %s', (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ database });
  }, 60_000);
  afterAll(() => app.close());

  it('lets owners start and cancel a ledger verification, privacy officers watch, viewers not see', async () => {
    const owner = await app.clientAs('OWNER');
    const officer = await app.clientAs('PRIVACY_OFFICER');
    const viewer = await app.clientAs('VIEWER');

    const started = (await owner.ok(RunLedgerVerificationDocument)).runLedgerVerification;
    expect(started).toMatchObject({
      kind: 'LEDGER_VERIFICATION',
      status: 'QUEUED',
      attempts: 0,
      abilities: { cancel: true },
    });
    expect(started.startedBy).toBeTruthy();
    const second = (await owner.ok(RunLedgerVerificationDocument)).runLedgerVerification;
    const third = (await owner.ok(RunLedgerVerificationDocument)).runLedgerVerification;

    const page = (await officer.ok(JobsDocument, { first: 2 })).jobs;
    expect(page.edges.map((e) => e.node.id)).toEqual([third.id, second.id]);
    expect(page.edges[0]!.node.abilities.cancel).toBe(false);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = (await officer.ok(JobsDocument, { first: 2, after: page.pageInfo.endCursor })).jobs;
    expect(rest.edges.map((e) => e.node.id)).toEqual([started.id]);

    expect(errorOf(await viewer.request(JobsDocument, {})).code).toBe('FORBIDDEN');
    expect(errorOf(await viewer.request(JobDocument, { id: started.id })).code).toBe('FORBIDDEN');
    expect(errorOf(await officer.request(RunLedgerVerificationDocument)).code).toBe('FORBIDDEN');
    expect(errorOf(await officer.request(CancelJobDocument, { input: { id: started.id } })).code).toBe('FORBIDDEN');
    expect(errorOf(await app.client().request(JobsDocument, {})).code).toBe('UNAUTHENTICATED');

    const cancelled = (await owner.ok(CancelJobDocument, { input: { id: started.id } })).cancelJob;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', abilities: { cancel: false } });
    expect(cancelled.finishedAt).not.toBeNull();
    expect(errorOf(await owner.request(CancelJobDocument, { input: { id: started.id } })).code).toBe('CONFLICT');
    expect(errorOf(await owner.request(JobDocument, { id: 'nope' })).code).toBe('NOT_FOUND');

    const audit = await app.em().find(AuditEntry, { entityType: 'Job' }, { orderBy: { at: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual(['job.started', 'job.started', 'job.started', 'job.cancelled']);

    // The runner takes the two left and leaves the cancelled one.
    const runner = new JobRunner(app.orm, app.deps, { kinds: JOB_KINDS_RUN, workerId: 'a' });
    expect(await runner.tick()).toBe(2);
    const after = (await owner.ok(JobDocument, { id: third.id })).job;
    expect(after).toMatchObject({ status: 'SUCCEEDED', progress: { message: 'ledger.verify.entries' } });
    expect((await owner.ok(JobDocument, { id: started.id })).job.status).toBe('CANCELLED');
  });
});
