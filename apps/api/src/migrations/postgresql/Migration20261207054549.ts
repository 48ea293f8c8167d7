import { Migration } from '@mikro-orm/migrations';

/**
 * As the SQLite migration of the same name: the name's reading (NAME_READING) in the category checks, each provider's language (`en` for those recorded before), and the name index
 * rebuilt at the next start. `down` refuses while a reading is stored.
 */
export class Migration20261207054549 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "personal_data_item" drop constraint "personal_data_item_category_check";`);
    this.addSql(`alter table "personal_data_item" add constraint "personal_data_item_category_check" check ("category" in ('NAME', 'NAME_READING', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER'));`);
    this.addSql(`alter table "data_item_change" drop constraint "data_item_change_category_check";`);
    this.addSql(`alter table "data_item_change" add constraint "data_item_change_category_check" check ("category" in ('NAME', 'NAME_READING', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER'));`);
    this.addSql(`alter table "provider" add column "language" text check ("language" in ('ja', 'en')) not null default 'en';`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "data_category" where "key" = 'NAME_READING';`);
    this.addSql(`alter table "provider" drop column "language";`);
    this.addSql(`alter table "personal_data_item" drop constraint "personal_data_item_category_check";`);
    this.addSql(`alter table "personal_data_item" add constraint "personal_data_item_category_check" check ("category" in ('NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER'));`);
    this.addSql(`alter table "data_item_change" drop constraint "data_item_change_category_check";`);
    this.addSql(`alter table "data_item_change" add constraint "data_item_change_category_check" check ("category" in ('NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER'));`);
    this.addSql(`delete from "search_token" where "kind" = 'NAME_GRAM';`);
    this.addSql(`delete from "system_setting" where "key" = 'search.name_index';`);
  }
}
