import { Migration } from '@mikro-orm/migrations';

/**
 * E-mail notifications (issue 17): the outbox (`mail_message`: one row per mail, its kind, recipient,
 * language, subject, delivery status and attempts; sent by MAIL_DELIVERY jobs) and each member's
 * opt-outs per kind (`mail_opt_out`). Two new tables; nothing else changes.
 */
export class Migration20261207130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`mail_message\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text check (\`kind\` in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET')) not null, \`recipient_id\` text null, \`to_address\` text not null, \`language\` text check (\`language\` in ('ja', 'en')) not null, \`subject\` text not null, \`params\` text not null default '{}', \`secret_sealed\` text null, \`dedupe_key\` text null, \`status\` text check (\`status\` in ('QUEUED', 'SENT', 'FAILED', 'NOT_SENT')) not null default 'QUEUED', \`job_id\` text null, \`attempts\` integer not null default 0, \`error_code\` text null, \`sent_at\` datetime null, constraint \`mail_message_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`mail_message_recipient_id_index\` on \`mail_message\` (\`recipient_id\`);`);
    this.addSql(`create unique index \`mail_message_dedupe_key_unique\` on \`mail_message\` (\`dedupe_key\`);`);
    this.addSql(`create index \`mail_message_created_at_index\` on \`mail_message\` (\`created_at\`);`);
    this.addSql(`create table \`mail_opt_out\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`user_id\` text not null, \`kind\` text check (\`kind\` in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET')) not null, constraint \`mail_opt_out_user_id_foreign\` foreign key(\`user_id\`) references \`admin_user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`mail_opt_out_user_id_index\` on \`mail_opt_out\` (\`user_id\`);`);
    this.addSql(`create unique index \`mail_opt_out_user_id_kind_unique\` on \`mail_opt_out\` (\`user_id\`, \`kind\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`mail_opt_out\`;`);
    this.addSql(`drop table if exists \`mail_message\`;`);
  }
}
