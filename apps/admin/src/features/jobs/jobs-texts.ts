import type { JobKind, JobStatus } from '@steward/schema';

// The jobs page's words, in one place for the Japanese/English issue to move.
export const JOBS_TEXT = {
  title: 'Jobs',
  description:
    'Work that runs in the background on one server at a time: the daily ledger verification, and what an owner starts here. A failed attempt is retried after a pause; a job survives a restart.',
  readOnly: 'Owners and privacy officers see the background jobs.',
  table: 'Background jobs',
  empty: 'No jobs yet.',
  loading: 'Loading jobs',
  refreshing: 'Refreshing while a job runs',
  verifyNow: 'Verify the ledger now',
  cancel: 'Cancel',
  cancelFor: (kind: string) => `Cancel ${kind}`,
  refused: 'The API refused',
  scheduled: 'Scheduled',
  columns: {
    kind: 'Job',
    status: 'Status',
    progress: 'Progress',
    outcome: 'Outcome',
    attempts: 'Attempts',
    startedBy: 'Started by',
    created: 'Enqueued',
    actions: 'Actions',
  },
  kinds: { LEDGER_VERIFICATION: 'Ledger verification' } satisfies Record<JobKind, string>,
  statuses: {
    QUEUED: 'Queued',
    RUNNING: 'Running',
    SUCCEEDED: 'Succeeded',
    FAILED: 'Failed',
    CANCELLED: 'Cancelled',
  } satisfies Record<JobStatus, string>,
  progressOf: (kind: string) => `Progress of ${kind}`,
  progressMessages: {
    'ledger.verify.entries': (done: number, total: number | null) =>
      total === null ? `${done} entries checked` : `${done} of ${total} entries checked`,
  } as Record<string, (done: number, total: number | null) => string>,
  progressPlain: (done: number, total: number | null) => (total === null ? `${done}` : `${done} of ${total}`),
  nextAttempt: (when: string) => `Next attempt ${when}`,
  outcomes: {
    ledgerOk: (entries: number) => `The ledger verifies (${entries} entries)`,
    ledgerBroken: (sequence: number | null) =>
      sequence === null ? 'The ledger does not verify' : `The ledger does not verify from entry ${sequence}`,
  },
  errors: {
    LEDGER_VERIFICATION_FAILED: 'The ledger does not verify',
    ABANDONED: 'Its server stopped during every attempt',
    INTERNAL: 'An unexpected error (see the server log)',
  } as Record<string, string>,
  errorOf: (code: string) => `Error ${code}`,
};
