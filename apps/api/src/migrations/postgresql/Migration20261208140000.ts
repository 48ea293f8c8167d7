import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the incident reminder mail kinds join the CHECK of `mail_message.kind` and `mail_opt_out.kind`. */
export class Migration20261208140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "mail_message" drop constraint if exists "mail_message_kind_check";`);
    this.addSql(`alter table "mail_opt_out" drop constraint if exists "mail_opt_out_kind_check";`);
    this.addSql(`alter table "mail_message" add constraint "mail_message_kind_check" check("kind" in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET', 'INCIDENT_REPORT_DUE_SOON', 'INCIDENT_REPORT_OVERDUE', 'INCIDENT_NOTICE'));`);
    this.addSql(`alter table "mail_opt_out" add constraint "mail_opt_out_kind_check" check("kind" in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET', 'INCIDENT_REPORT_DUE_SOON', 'INCIDENT_REPORT_OVERDUE'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mail_message" drop constraint if exists "mail_message_kind_check";`);
    this.addSql(`alter table "mail_opt_out" drop constraint if exists "mail_opt_out_kind_check";`);
    this.addSql(`alter table "mail_message" add constraint "mail_message_kind_check" check("kind" in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET', 'INCIDENT_NOTICE'));`);
    this.addSql(`alter table "mail_opt_out" add constraint "mail_opt_out_kind_check" check("kind" in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET'));`);
  }
}
