import { memberOf } from '../vocabulary/guard.js';

/**
 * What a background job does. Each kind has one handler on the API (`apps/api/src/jobs/`); its
 * payload holds ids and settings only, never a personal value.
 */
export const JOB_KINDS = [
  'LEDGER_VERIFICATION',
  'LIST_EXPORT',
  'EXPORT_PURGE',
  'MAIL_DELIVERY',
  'REQUEST_DUE_REMINDERS',
  'MEMBER_IMPORT',
  'LEDGER_TREE_BUILD',
  'INCIDENT_REPORT_REMINDERS',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const isJobKind = memberOf(JOB_KINDS);

/**
 * Where a job is: QUEUED (waiting for its time, or for a retry), RUNNING (an instance holds its
 * lease), SUCCEEDED, FAILED (after its last attempt, or a failure no retry can mend) or CANCELLED
 * (by an owner, before it ran).
 */
export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const isJobStatus = memberOf(JOB_STATUSES);

/** Whether a job in this status has ended (it will not run again). */
export function jobFinished(status: JobStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';
}
