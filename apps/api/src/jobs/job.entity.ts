import { DateTimeType, Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import type { JobKind, JobStatus } from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';

/**
 * One background job (jobs/job-runner.ts): what to do (`kind` and its `payload`), where it is
 * (`status`, `attempts`, the next attempt's `runAt`), which instance holds it (`lockedBy` until
 * `lockedUntil`: a lease; a running job whose lease ran out is taken again, so jobs survive a
 * restart) and what it reported (progress, a result of counts and ids, an error code — never a
 * stack trace or SQL). The payload and the result hold ids, counts and settings only, never a
 * personal value: they are stored in plaintext.
 */
@Entity({ tableName: 'job' })
@Index({ properties: ['status', 'runAt'] })
export class Job extends BaseEntity<
  | 'payload'
  | 'attempts'
  | 'lockedBy'
  | 'lockedUntil'
  | 'progressDone'
  | 'progressTotal'
  | 'progressMessage'
  | 'result'
  | 'errorCode'
  | 'uniqueKey'
  | 'createdBy'
  | 'startedAt'
  | 'finishedAt'
> {
  @Property({ type: 'string', length: 60 })
  kind!: JobKind;

  /** JSON text: ids and settings, never a personal value. */
  @Property({ type: 'text' })
  payload: string = '{}';

  @Property({ type: 'string', length: 20 })
  status!: JobStatus;

  /** Attempts started so far (a claim counts one). */
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'integer' })
  maxAttempts!: number;

  /** When the job may run next: its first time, or its next retry. */
  @Property({ type: DateTimeType })
  runAt!: Date;

  /** The instance (worker id) holding the lease while it runs. */
  @Property({ type: 'string', length: 100, nullable: true })
  lockedBy: string | null = null;

  /** The lease's end: past it, another instance may take the job again. */
  @Property({ type: DateTimeType, nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'integer' })
  progressDone: number = 0;

  @Property({ type: 'integer', nullable: true })
  progressTotal: number | null = null;

  /** A message key the admin translates (e.g. `ledger.verify.entries`), never free text. */
  @Property({ type: 'string', length: 100, nullable: true })
  progressMessage: string | null = null;

  /** JSON text: counts, ids and hashes the job reports, never a personal value. */
  @Property({ type: 'text', nullable: true })
  result: string | null = null;

  /** A stable code (`LEDGER_VERIFICATION_FAILED`, `INTERNAL`, …): never a message, stack trace or SQL. */
  @Property({ type: 'string', length: 60, nullable: true })
  errorCode: string | null = null;

  /** A scheduled job's period (`LEDGER_VERIFICATION:2026-04-01`): one job per key, whichever instance enqueues it. */
  @Unique()
  @Property({ type: 'string', length: 120, nullable: true })
  uniqueKey: string | null = null;

  /** The admin who started it; null for a scheduled job. */
  @ManyToOne(() => AdminUser, { nullable: true, deleteRule: 'restrict' })
  createdBy: Rel<AdminUser> | null = null;

  @Property({ type: DateTimeType, nullable: true })
  startedAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  finishedAt: Date | null = null;
}
