import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { JobKind, JobStatus } from '@steward/policy-core';
import { Connection } from '../common/connection.js';
import { JobKindEnum, JobStatusEnum } from '../common/enums.js';

@ObjectType('JobProgress', { description: 'How far a job has come, as its handler last reported.' })
export class JobProgressType {
  @Field(() => Int, { description: 'Units done (e.g. ledger entries checked).' })
  done!: number;

  @Field(() => Int, { nullable: true, description: 'Units in all; null while the job has not said.' })
  total!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'A message key the admin translates (e.g. `ledger.verify.entries`), never free text.',
  })
  message!: string | null;
}

@ObjectType('JobAbilities', { description: 'What the caller may do with this job (policy-core jobAbilities).' })
export class JobAbilitiesType {
  @Field(() => Boolean, { description: 'Cancel it: owners, while it is queued.' })
  cancel!: boolean;
}

@ObjectType('Job', {
  description:
    'A background job (a scheduled ledger verification, …): persisted, run by one instance at a time, retried with backoff. Its payload and result hold ids and counts, never personal values.',
})
export class JobType {
  @Field(() => ID, { description: 'The job.' })
  id!: string;

  @Field(() => JobKindEnum, { description: 'What the job does.' })
  kind!: JobKind;

  @Field(() => JobStatusEnum, { description: 'Where the job is.' })
  status!: JobStatus;

  @Field(() => Int, { description: 'Attempts started so far.' })
  attempts!: number;

  @Field(() => Int, { description: 'Attempts allowed before it fails for good.' })
  maxAttempts!: number;

  @Field(() => JobProgressType, { description: 'How far it has come.' })
  progress!: JobProgressType;

  @Field(() => String, {
    nullable: true,
    description:
      'What it found, as a JSON object of counts, ids and hashes (a ledger verification: `ok`, `checkedEntries`, `headSequence`, `firstFailureSequence`, …); null before it ends.',
  })
  result!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the last attempt failed, as a stable code (`LEDGER_VERIFICATION_FAILED`, `INTERNAL`, `ABANDONED`); never a message or trace.',
  })
  errorCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The admin who started it, by name; null for a scheduled job.' })
  startedBy!: string | null;

  @Field(() => Date, { description: 'When it was enqueued.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it may run next (its first run, or its next retry).' })
  runAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When its first attempt started.' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it ended (succeeded, failed for good or was cancelled).' })
  finishedAt!: Date | null;

  @Field(() => JobAbilitiesType, { description: 'What the caller may do with it.' })
  abilities!: JobAbilitiesType;
}

export const JobConnection = Connection('Job', JobType, { one: 'background job', many: 'background jobs' });
export type JobConnection = InstanceType<typeof JobConnection>;
