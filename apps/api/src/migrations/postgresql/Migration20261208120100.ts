import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: mail_message.kind admits INCIDENT_NOTICE (going down drops those mails). */
export class Migration20261208120100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "mail_message" drop constraint if exists "mail_message_kind_check";`);
    this.addSql(
      `alter table "mail_message" add constraint "mail_message_kind_check" check("kind" in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET', 'INCIDENT_NOTICE'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "mail_message" where "kind" = 'INCIDENT_NOTICE';`);
    this.addSql(`alter table "mail_message" drop constraint if exists "mail_message_kind_check";`);
    this.addSql(
      `alter table "mail_message" add constraint "mail_message_kind_check" check("kind" in ('APPROVAL_WAITING', 'REQUEST_DUE_SOON', 'REQUEST_OVERDUE', 'INQUIRY_RECEIVED', 'STAFF_INVITATION', 'PASSWORD_RESET'));`,
    );
  }
}
