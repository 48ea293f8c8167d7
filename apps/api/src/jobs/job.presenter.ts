import { jobAbilities } from '@steward/policy-core';
import type { Actor } from '../context.js';
import type { Job } from './job.entity.js';
import type { JobType } from './job.type.js';

/** A job as an owner or privacy officer sees it; `createdBy` must be loaded. */
export function presentJob(job: Job, actor: Actor | null): JobType {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    progress: { done: job.progressDone, total: job.progressTotal, message: job.progressMessage },
    result: job.result,
    errorCode: job.errorCode,
    startedBy: job.createdBy?.displayName ?? null,
    createdAt: job.createdAt,
    runAt: job.runAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    abilities: jobAbilities(actor?.role, job.status),
  };
}
