import { mailDeliveryJob } from '../mail/mail-delivery.job.js';
import { requestRemindersJob, requestRemindersSchedule } from '../mail/request-reminders.job.js';
import type { JobKindDefinition, JobSchedule } from './job-runner.js';
import { memberImportJob } from '../imports/import.job.js';
import { incidentRemindersJob, incidentRemindersSchedule } from '../incidents/incident-reminders.job.js';
import { ledgerVerificationJob, ledgerVerificationSchedule } from './ledger-verification.job.js';
import { ledgerTreeBuildJob } from './ledger-tree-build.job.js';
import { exportPurgeJob, exportPurgeSchedule, listExportJob } from '../exports/list-export.job.js';

/** Every kind of job the server runs: a new kind is one definition here (and its name in policy-core's JOB_KINDS). */
export const JOB_KINDS_RUN: readonly JobKindDefinition[] = [
  ledgerVerificationJob,
  listExportJob,
  exportPurgeJob,
  mailDeliveryJob,
  requestRemindersJob,
  memberImportJob,
  ledgerTreeBuildJob,
  incidentRemindersJob,
];

/** What the server enqueues by itself, once per period. */
export const JOB_SCHEDULES: readonly JobSchedule[] = [
  ledgerVerificationSchedule,
  exportPurgeSchedule,
  requestRemindersSchedule,
  incidentRemindersSchedule,
];
