import type { JobKind, JobStatus } from '@steward/schema';
import { vocabularyLabels } from '../../components/labels.js';

// policy-core's job vocabulary (JOB_KINDS, JOB_STATUSES), labelled in the language on screen from
// its catalogue (components/labels.ts).

export const JOB_KIND_LABEL: Readonly<Record<JobKind, string>> = vocabularyLabels('jobKind');

export const JOB_STATUS_LABEL: Readonly<Record<JobStatus, string>> = vocabularyLabels('jobStatus');
