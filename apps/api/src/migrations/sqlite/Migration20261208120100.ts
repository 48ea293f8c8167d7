import { Migration } from '@mikro-orm/migrations';

/**
 * The incident notice to a provider (issue 18): mail_message.kind admits INCIDENT_NOTICE. SQLite keeps
 * a CHECK in the table's definition, so the table is rebuilt with every row copied; going down drops
 * the provider notices (a kind the older code cannot send) and keeps every other mail.
 */
export class Migration20261208120100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(
      `create table \`mail_message__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text check (\`kind\` in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET', 'INCIDENT_NOTICE')) not null, \`recipient_id\` text null, \`to_address\` text not null, \`language\` text check (\`language\` in ('ja', 'en')) not null, \`subject\` text not null, \`params\` text not null default '{}', \`secret_sealed\` text null, \`dedupe_key\` text null, \`status\` text check (\`status\` in ('QUEUED', 'SENT', 'FAILED', 'NOT_SENT')) not null default 'QUEUED', \`job_id\` text null, \`attempts\` integer not null default 0, \`error_code\` text null, \`sent_at\` datetime null, constraint \`mail_message_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`mail_message__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`kind\`, \`recipient_id\`, \`to_address\`, \`language\`, \`subject\`, \`params\`, \`secret_sealed\`, \`dedupe_key\`, \`status\`, \`job_id\`, \`attempts\`, \`error_code\`, \`sent_at\` from \`mail_message\`;`,
    );
    this.addSql(`drop table \`mail_message\`;`);
    this.addSql(`alter table \`mail_message__temp_alter\` rename to \`mail_message\`;`);
    this.addSql(`create index \`mail_message_recipient_id_index\` on \`mail_message\` (\`recipient_id\`);`);
    this.addSql(`create unique index \`mail_message_dedupe_key_unique\` on \`mail_message\` (\`dedupe_key\`);`);
    this.addSql(`create index \`mail_message_created_at_index\` on \`mail_message\` (\`created_at\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override async down(): Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(
      `create table \`mail_message__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text check (\`kind\` in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET')) not null, \`recipient_id\` text null, \`to_address\` text not null, \`language\` text check (\`language\` in ('ja', 'en')) not null, \`subject\` text not null, \`params\` text not null default '{}', \`secret_sealed\` text null, \`dedupe_key\` text null, \`status\` text check (\`status\` in ('QUEUED', 'SENT', 'FAILED', 'NOT_SENT')) not null default 'QUEUED', \`job_id\` text null, \`attempts\` integer not null default 0, \`error_code\` text null, \`sent_at\` datetime null, constraint \`mail_message_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`,
    );
    this.addSql(
      `insert into \`mail_message__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`kind\`, \`recipient_id\`, \`to_address\`, \`language\`, \`subject\`, \`params\`, \`secret_sealed\`, \`dedupe_key\`, \`status\`, \`job_id\`, \`attempts\`, \`error_code\`, \`sent_at\` from \`mail_message\` where \`kind\` <> 'INCIDENT_NOTICE';`,
    );
    this.addSql(`drop table \`mail_message\`;`);
    this.addSql(`alter table \`mail_message__temp_alter\` rename to \`mail_message\`;`);
    this.addSql(`create index \`mail_message_recipient_id_index\` on \`mail_message\` (\`recipient_id\`);`);
    this.addSql(`create unique index \`mail_message_dedupe_key_unique\` on \`mail_message\` (\`dedupe_key\`);`);
    this.addSql(`create index \`mail_message_created_at_index\` on \`mail_message\` (\`created_at\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }
}
