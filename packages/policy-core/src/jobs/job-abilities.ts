import type { AdminRole } from '../vocabulary/roles.js';
import type { JobStatus } from './job-vocabulary.js';

/** What the caller may do with one background job. */
export type JobAbilities = {
  /** Cancel it: owners only, and only while it waits (a running job is never stopped half-way). */
  cancel: boolean;
};

/** The abilities of `role` on a job in `status`. */
export function jobAbilities(role: AdminRole | null | undefined, status: JobStatus): JobAbilities {
  return { cancel: role === 'OWNER' && status === 'QUEUED' };
}
