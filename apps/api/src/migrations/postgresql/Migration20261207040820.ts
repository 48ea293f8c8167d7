import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the background jobs' table. */
export class Migration20261207040820 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "job" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" varchar(60) not null, "payload" text not null default '{}', "status" varchar(20) not null, "attempts" int not null default 0, "max_attempts" int not null, "run_at" timestamptz not null, "locked_by" varchar(100) null, "locked_until" timestamptz null, "progress_done" int not null default 0, "progress_total" int null, "progress_message" varchar(100) null, "result" text null, "error_code" varchar(60) null, "unique_key" varchar(120) null, "created_by_id" uuid null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "job_pkey" primary key ("id"));`);
    this.addSql(`alter table "job" add constraint "job_unique_key_unique" unique ("unique_key");`);
    this.addSql(`create index "job_status_run_at_index" on "job" ("status", "run_at");`);

    this.addSql(`alter table "job" add constraint "job_created_by_id_foreign" foreign key ("created_by_id") references "admin_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job" cascade;`);
  }

}
