import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the outbox (`mail_message`) and members' opt-outs (`mail_opt_out`). */
export class Migration20261207130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mail_message" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" text check ("kind" in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET')) not null, "recipient_id" uuid null, "to_address" varchar(254) not null, "language" text check ("language" in ('ja', 'en')) not null, "subject" varchar(300) not null, "params" text not null default '{}', "secret_sealed" text null, "dedupe_key" varchar(200) null, "status" text check ("status" in ('QUEUED', 'SENT', 'FAILED', 'NOT_SENT')) not null default 'QUEUED', "job_id" uuid null, "attempts" int not null default 0, "error_code" varchar(60) null, "sent_at" timestamptz null, constraint "mail_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "mail_message" add constraint "mail_message_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "mail_message_created_at_index" on "mail_message" ("created_at");`);

    this.addSql(`create table "mail_opt_out" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "kind" text check ("kind" in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET')) not null, constraint "mail_opt_out_pkey" primary key ("id"));`);
    this.addSql(`alter table "mail_opt_out" add constraint "mail_opt_out_user_id_kind_unique" unique ("user_id", "kind");`);

    this.addSql(`alter table "mail_message" add constraint "mail_message_recipient_id_foreign" foreign key ("recipient_id") references "admin_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "mail_opt_out" add constraint "mail_opt_out_user_id_foreign" foreign key ("user_id") references "admin_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mail_message" cascade;`);

    this.addSql(`drop table if exists "mail_opt_out" cascade;`);
  }

}
