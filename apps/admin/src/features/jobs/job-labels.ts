import type { JobKind, JobStatus } from '@steward/schema';

// English labels of policy-core's job vocabulary (JOB_KINDS, JOB_STATUSES), kept as a label map
// like components/labels.ts until those maps become language-aware from policy-core's catalogue.

export const JOB_KIND_LABEL: Record<JobKind, string> = { LEDGER_VERIFICATION: 'Ledger verification' };

export const JOB_STATUS_LABEL: Record<JobStatus, string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};
