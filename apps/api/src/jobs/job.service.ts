import type { JobKind } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import { isUuid, newId } from '../common/ids.js';
import { decodeCursor, pageSize } from '../common/pagination.js';
import { Service } from '../common/transaction.js';
import type { Actor } from '../context.js';
import { JOB_KINDS_RUN } from './job-kinds.js';
import { Job } from './job.entity.js';
import { cancelQueuedJob, insertJob } from './job.queries.js';

/** The background jobs as the admin sees and starts them; the runner (job-runner.ts) runs them. */
export class JobService extends Service<Actor> {
  /** A page of jobs, newest first. */
  async list(first: number, after: string | null): Promise<Job[]> {
    const limit = pageSize(first);
    return this.em.find(Job, after ? { id: { $lt: decodeCursor(after) } } : {}, {
      orderBy: { id: 'desc' },
      limit: limit + 1,
      populate: ['createdBy'],
    });
  }

  async get(id: string): Promise<Job> {
    const job = isUuid(id) ? await this.em.findOne(Job, { id }, { populate: ['createdBy'] }) : null;
    if (!job) throw new NotFoundError('Job', 'id');
    return job;
  }

  /** Enqueues a ledger verification now, started by the caller (audited); the runner takes it on its next turn. */
  runLedgerVerification(): Promise<Job> {
    return this.start('LEDGER_VERIFICATION');
  }

  /** Cancels a queued job (audited); a running or ended one is a CONFLICT. */
  async cancel(id: string): Promise<Job> {
    await this.get(id);
    await this.inTransaction((tx) => tx.writeCancel(id));
    this.em.clear();
    return this.get(id);
  }

  /** Enqueues a job of `kind` now (audited); `payload` holds ids and settings only, never a personal value. */
  async start(kind: JobKind, payload: Record<string, unknown> = {}): Promise<Job> {
    const id = await this.inTransaction((tx) => tx.writeStart(kind, payload));
    return this.get(id);
  }

  private async writeStart(kind: JobKind, payload: Record<string, unknown>): Promise<string> {
    const def = JOB_KINDS_RUN.find((k) => k.kind === kind);
    if (!def) throw new Error(`No handler for job kind ${kind}`);
    const id = newId();
    const now = this.deps.now();
    await insertJob(this.em, {
      id,
      kind,
      payload,
      maxAttempts: def.maxAttempts,
      runAt: now,
      uniqueKey: null,
      createdById: this.actor.userId,
      now,
    });
    new AuditService(this.em, this.actor, this.deps).record({
      action: 'job.started',
      entityType: 'Job',
      subject: id,
      detail: { kind },
    });
    return id;
  }

  private async writeCancel(id: string): Promise<void> {
    if (!(await cancelQueuedJob(this.em, id, this.deps.now())))
      throw new ConflictError('Only a queued job can be cancelled', undefined, 'id');
    new AuditService(this.em, this.actor, this.deps).record({
      action: 'job.cancelled',
      entityType: 'Job',
      subject: id,
    });
  }
}
