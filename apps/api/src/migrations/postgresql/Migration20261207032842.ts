import { Migration } from '@mikro-orm/migrations';

/**
 * Revocable device cookies: each account's device epoch, part of every device cookie's MAC, moved when
 * its password changes, its second factor is removed or it is deactivated (auth/admin-user.entity.ts).
 */
export class Migration20261207032842 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "admin_user" add column "device_epoch" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "admin_user" drop column "device_epoch";`);
  }

}
