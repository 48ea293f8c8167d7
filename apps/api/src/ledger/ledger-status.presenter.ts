import type { Actor } from '../context.js';
import type { Job } from '../jobs/job.entity.js';
import { presentJob } from '../jobs/job.presenter.js';
import type { LedgerStatus } from './ledger.service.js';
import type { LedgerStatusType, LedgerVerificationOutcomeType } from './ledger.type.js';

/** The summary a verification job stores as its result (ledger-verification.job.ts); only counts, a hash and a number. */
type VerificationSummary = {
  ok?: boolean;
  checkedEntries?: number;
  headSequence?: number;
  headHash?: string;
  firstFailureSequence?: number | null;
};

/** A finished verification job as its outcome: the verdict from its stored result, or none when it ended with an error. */
export function presentVerificationOutcome(job: Job): LedgerVerificationOutcomeType {
  const summary = (job.result ? JSON.parse(job.result) : {}) as VerificationSummary;
  const verdict = typeof summary.ok === 'boolean';
  return {
    jobId: job.id,
    finishedAt: job.finishedAt ?? job.updatedAt,
    ok: verdict ? summary.ok! : null,
    checkedEntries: verdict ? (summary.checkedEntries ?? null) : null,
    headSequence: verdict ? (summary.headSequence ?? null) : null,
    headHash: verdict ? (summary.headHash ?? null) : null,
    firstFailureSequence: verdict ? (summary.firstFailureSequence ?? null) : null,
    errorCode: job.errorCode,
    startedBy: job.createdBy?.displayName ?? null,
  };
}

export function presentLedgerStatus(status: LedgerStatus, actor: Actor | null): LedgerStatusType {
  return {
    headSequence: status.headSequence,
    headHash: status.headHash,
    lastCheckpoint: status.lastCheckpoint,
    unsignedEntries: Math.max(0, status.headSequence - (status.lastCheckpoint?.sequence ?? 0)),
    checkpointPublicKey: status.checkpointPublicKey,
    lastVerification: status.lastVerification ? presentVerificationOutcome(status.lastVerification) : null,
    runningVerification: status.runningVerification ? presentJob(status.runningVerification, actor) : null,
    treeSize: status.treeSize,
    treeLag: status.treeLag,
  };
}
