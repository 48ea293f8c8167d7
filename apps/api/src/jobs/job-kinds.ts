import type { JobKindDefinition, JobSchedule } from './job-runner.js';
import { memberImportJob } from '../imports/import.job.js';
import { ledgerVerificationJob, ledgerVerificationSchedule } from './ledger-verification.job.js';

/** Every kind of job the server runs: a new kind is one definition here (and its name in policy-core's JOB_KINDS). */
export const JOB_KINDS_RUN: readonly JobKindDefinition[] = [ledgerVerificationJob, memberImportJob];

/** What the server enqueues by itself, once per period. */
export const JOB_SCHEDULES: readonly JobSchedule[] = [ledgerVerificationSchedule];
