import { Migration } from '@mikro-orm/migrations';

/**
 * The incidents' reminder mails (incidents/incident-reminders.job.ts): the mail kinds
 * INCIDENT_REPORT_DUE_SOON and INCIDENT_REPORT_OVERDUE join the CHECK of `mail_message.kind` and
 * `mail_opt_out.kind` (SQLite re-creates both tables to change a CHECK; every row is copied).
 * `down` takes them out again (mails and opt-outs of those kinds must be gone first).
 */
export class Migration20261208140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`mail_message__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text check (\`kind\` in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET', 'INCIDENT_REPORT_DUE_SOON', 'INCIDENT_REPORT_OVERDUE', 'INCIDENT_NOTICE')) not null, \`recipient_id\` text null, \`to_address\` text not null, \`language\` text check (\`language\` in ('ja', 'en')) not null, \`subject\` text not null, \`params\` text not null default '{}', \`secret_sealed\` text null, \`dedupe_key\` text null, \`status\` text check (\`status\` in ('QUEUED', 'SENT', 'FAILED', 'NOT_SENT')) not null default 'QUEUED', \`job_id\` text null, \`attempts\` integer not null default 0, \`error_code\` text null, \`sent_at\` datetime null, constraint \`mail_message_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`mail_message__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`kind\`, \`recipient_id\`, \`to_address\`, \`language\`, \`subject\`, \`params\`, \`secret_sealed\`, \`dedupe_key\`, \`status\`, \`job_id\`, \`attempts\`, \`error_code\`, \`sent_at\` from \`mail_message\`;`);
    this.addSql(`drop table \`mail_message\`;`);
    this.addSql(`alter table \`mail_message__temp_alter\` rename to \`mail_message\`;`);
    this.addSql(`create index \`mail_message_recipient_id_index\` on \`mail_message\` (\`recipient_id\`);`);
    this.addSql(`create unique index \`mail_message_dedupe_key_unique\` on \`mail_message\` (\`dedupe_key\`);`);
    this.addSql(`create index \`mail_message_created_at_index\` on \`mail_message\` (\`created_at\`);`);
    this.addSql(`create table \`mail_opt_out__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`user_id\` text not null, \`kind\` text check (\`kind\` in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET', 'INCIDENT_REPORT_DUE_SOON', 'INCIDENT_REPORT_OVERDUE')) not null, constraint \`mail_opt_out_user_id_foreign\` foreign key(\`user_id\`) references \`admin_user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`mail_opt_out__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`user_id\`, \`kind\` from \`mail_opt_out\`;`);
    this.addSql(`drop table \`mail_opt_out\`;`);
    this.addSql(`alter table \`mail_opt_out__temp_alter\` rename to \`mail_opt_out\`;`);
    this.addSql(`create index \`mail_opt_out_user_id_index\` on \`mail_opt_out\` (\`user_id\`);`);
    this.addSql(`create unique index \`mail_opt_out_user_id_kind_unique\` on \`mail_opt_out\` (\`user_id\`, \`kind\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override async down(): Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`mail_message__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text check (\`kind\` in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET', 'INCIDENT_NOTICE')) not null, \`recipient_id\` text null, \`to_address\` text not null, \`language\` text check (\`language\` in ('ja', 'en')) not null, \`subject\` text not null, \`params\` text not null default '{}', \`secret_sealed\` text null, \`dedupe_key\` text null, \`status\` text check (\`status\` in ('QUEUED', 'SENT', 'FAILED', 'NOT_SENT')) not null default 'QUEUED', \`job_id\` text null, \`attempts\` integer not null default 0, \`error_code\` text null, \`sent_at\` datetime null, constraint \`mail_message_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`mail_message__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`kind\`, \`recipient_id\`, \`to_address\`, \`language\`, \`subject\`, \`params\`, \`secret_sealed\`, \`dedupe_key\`, \`status\`, \`job_id\`, \`attempts\`, \`error_code\`, \`sent_at\` from \`mail_message\`;`);
    this.addSql(`drop table \`mail_message\`;`);
    this.addSql(`alter table \`mail_message__temp_alter\` rename to \`mail_message\`;`);
    this.addSql(`create index \`mail_message_recipient_id_index\` on \`mail_message\` (\`recipient_id\`);`);
    this.addSql(`create unique index \`mail_message_dedupe_key_unique\` on \`mail_message\` (\`dedupe_key\`);`);
    this.addSql(`create index \`mail_message_created_at_index\` on \`mail_message\` (\`created_at\`);`);
    this.addSql(`create table \`mail_opt_out__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`user_id\` text not null, \`kind\` text check (\`kind\` in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET')) not null, constraint \`mail_opt_out_user_id_foreign\` foreign key(\`user_id\`) references \`admin_user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`mail_opt_out__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`user_id\`, \`kind\` from \`mail_opt_out\`;`);
    this.addSql(`drop table \`mail_opt_out\`;`);
    this.addSql(`alter table \`mail_opt_out__temp_alter\` rename to \`mail_opt_out\`;`);
    this.addSql(`create index \`mail_opt_out_user_id_index\` on \`mail_opt_out\` (\`user_id\`);`);
    this.addSql(`create unique index \`mail_opt_out_user_id_kind_unique\` on \`mail_opt_out\` (\`user_id\`, \`kind\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }
}
