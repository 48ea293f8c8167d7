import { Migration } from '@mikro-orm/migrations';

/**
 * The background jobs' table (jobs/job.entity.ts, jobs/job-runner.ts): each job's kind, payload (ids
 * and settings, never a personal value), status, attempts and next run, the lease an instance holds
 * while it runs it, its progress, result and error code. `unique_key` makes a scheduled job's period
 * (one ledger verification a day) enqueue once whichever instance tries; `(status, run_at)` is the
 * claim's index.
 */
export class Migration20261207040820 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`job\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text not null, \`payload\` text not null default '{}', \`status\` text not null, \`attempts\` integer not null default 0, \`max_attempts\` integer not null, \`run_at\` datetime not null, \`locked_by\` text null, \`locked_until\` datetime null, \`progress_done\` integer not null default 0, \`progress_total\` integer null, \`progress_message\` text null, \`result\` text null, \`error_code\` text null, \`unique_key\` text null, \`created_by_id\` text null, \`started_at\` datetime null, \`finished_at\` datetime null, constraint \`job_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`admin_user\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`job_unique_key_unique\` on \`job\` (\`unique_key\`);`);
    this.addSql(`create index \`job_created_by_id_index\` on \`job\` (\`created_by_id\`);`);
    this.addSql(`create index \`job_status_run_at_index\` on \`job\` (\`status\`, \`run_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`job\`;`);
  }
}
