import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: a staff account's own language and the organisation's default (ja). */
export class Migration20261207063001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "admin_user" add column "language" text check ("language" in ('ja', 'en')) null;`);
    this.addSql(
      `alter table "organisation" add column "default_language" text check ("default_language" in ('ja', 'en')) not null default 'ja';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "admin_user" drop column "language";`);
    this.addSql(`alter table "organisation" drop column "default_language";`);
  }
}
