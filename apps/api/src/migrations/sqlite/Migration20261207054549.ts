import { Migration } from '@mikro-orm/migrations';

/**
 * Japanese names (issue 16). The name's reading (NAME_READING, フリガナ) becomes a data category: the
 * category checks of `personal_data_item` and `data_item_change` take it (SQLite changes a CHECK only
 * by re-creating the table: every row is copied as it is, none is changed) and `data_category` gets its
 * wording at the next start (`ensureDataCategories`). Each provider gets a language (`ja` or `en`); those recorded before were written to in
 * English, so they keep `en`. The name search index changes form (CJK bigrams): a migration has no key,
 * so the next start rebuilds the tokens (crypto/rebuild-name-index.ts).
 *
 * `down` refuses while a reading is stored (the old check rejects the copied row): the release before
 * has no such category. It clears the index's form, so going up again rebuilds the tokens.
 */
export class Migration20261207054549 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`personal_data_item__new\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider_id\` text not null, \`category\` text check (\`category\` in ('NAME', 'NAME_READING', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, \`value_sealed\` text not null, \`source_sealed\` text null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE')) not null, \`collected_at\` datetime not null, \`collection_id\` text null, \`publicly_available\` integer not null default false, \`public_provenance\` text null, \`version\` integer not null default 1, constraint \`personal_data_item_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`personal_data_item_collection_id_foreign\` foreign key(\`collection_id\`) references \`collection_record\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`personal_data_item__new\` (\`id\`, \`created_at\`, \`updated_at\`, \`provider_id\`, \`category\`, \`value_sealed\`, \`source_sealed\`, \`channel\`, \`collected_at\`, \`collection_id\`, \`publicly_available\`, \`public_provenance\`, \`version\`) select \`id\`, \`created_at\`, \`updated_at\`, \`provider_id\`, \`category\`, \`value_sealed\`, \`source_sealed\`, \`channel\`, \`collected_at\`, \`collection_id\`, \`publicly_available\`, \`public_provenance\`, \`version\` from \`personal_data_item\`;`);
    this.addSql(`drop table \`personal_data_item\`;`);
    this.addSql(`alter table \`personal_data_item__new\` rename to \`personal_data_item\`;`);
    this.addSql(`create index \`personal_data_item_provider_id_index\` on \`personal_data_item\` (\`provider_id\`);`);
    this.addSql(`create index \`personal_data_item_collection_id_index\` on \`personal_data_item\` (\`collection_id\`);`);
    this.addSql(`create index \`personal_data_item_provider_id_category_index\` on \`personal_data_item\` (\`provider_id\`, \`category\`);`);
    this.addSql(`create table \`data_item_change__new\` (\`id\` text not null, \`provider_id\` text not null, \`request_id\` text null, \`item_id\` text not null, \`category\` text check (\`category\` in ('NAME', 'NAME_READING', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, \`action\` text check (\`action\` in ('ADD', 'UPDATE', 'REMOVE')) not null, \`before_sealed\` text null, \`after_sealed\` text null, \`changed_at\` datetime not null, \`changed_by_id\` text null, \`changed_by_name\` text not null, constraint \`data_item_change_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`data_item_change_request_id_foreign\` foreign key(\`request_id\`) references \`provider_request\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`data_item_change__new\` (\`id\`, \`provider_id\`, \`request_id\`, \`item_id\`, \`category\`, \`action\`, \`before_sealed\`, \`after_sealed\`, \`changed_at\`, \`changed_by_id\`, \`changed_by_name\`) select \`id\`, \`provider_id\`, \`request_id\`, \`item_id\`, \`category\`, \`action\`, \`before_sealed\`, \`after_sealed\`, \`changed_at\`, \`changed_by_id\`, \`changed_by_name\` from \`data_item_change\`;`);
    this.addSql(`drop table \`data_item_change\`;`);
    this.addSql(`alter table \`data_item_change__new\` rename to \`data_item_change\`;`);
    this.addSql(`create index \`data_item_change_provider_id_index\` on \`data_item_change\` (\`provider_id\`);`);
    this.addSql(`create index \`data_item_change_request_id_index\` on \`data_item_change\` (\`request_id\`);`);
    this.addSql(`create index \`data_item_change_provider_id_changed_at_index\` on \`data_item_change\` (\`provider_id\`, \`changed_at\`);`);
    this.addSql(`alter table \`provider\` add column \`language\` text check (\`language\` in ('ja', 'en')) not null default 'en';`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from \`data_category\` where \`key\` = 'NAME_READING';`);
    this.addSql(`alter table \`provider\` drop column \`language\`;`);
    this.addSql(`create table \`personal_data_item__new\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider_id\` text not null, \`category\` text check (\`category\` in ('NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, \`value_sealed\` text not null, \`source_sealed\` text null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE')) not null, \`collected_at\` datetime not null, \`collection_id\` text null, \`publicly_available\` integer not null default false, \`public_provenance\` text null, \`version\` integer not null default 1, constraint \`personal_data_item_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`personal_data_item_collection_id_foreign\` foreign key(\`collection_id\`) references \`collection_record\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`personal_data_item__new\` (\`id\`, \`created_at\`, \`updated_at\`, \`provider_id\`, \`category\`, \`value_sealed\`, \`source_sealed\`, \`channel\`, \`collected_at\`, \`collection_id\`, \`publicly_available\`, \`public_provenance\`, \`version\`) select \`id\`, \`created_at\`, \`updated_at\`, \`provider_id\`, \`category\`, \`value_sealed\`, \`source_sealed\`, \`channel\`, \`collected_at\`, \`collection_id\`, \`publicly_available\`, \`public_provenance\`, \`version\` from \`personal_data_item\`;`);
    this.addSql(`drop table \`personal_data_item\`;`);
    this.addSql(`alter table \`personal_data_item__new\` rename to \`personal_data_item\`;`);
    this.addSql(`create index \`personal_data_item_provider_id_index\` on \`personal_data_item\` (\`provider_id\`);`);
    this.addSql(`create index \`personal_data_item_collection_id_index\` on \`personal_data_item\` (\`collection_id\`);`);
    this.addSql(`create index \`personal_data_item_provider_id_category_index\` on \`personal_data_item\` (\`provider_id\`, \`category\`);`);
    this.addSql(`create table \`data_item_change__new\` (\`id\` text not null, \`provider_id\` text not null, \`request_id\` text null, \`item_id\` text not null, \`category\` text check (\`category\` in ('NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, \`action\` text check (\`action\` in ('ADD', 'UPDATE', 'REMOVE')) not null, \`before_sealed\` text null, \`after_sealed\` text null, \`changed_at\` datetime not null, \`changed_by_id\` text null, \`changed_by_name\` text not null, constraint \`data_item_change_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`data_item_change_request_id_foreign\` foreign key(\`request_id\`) references \`provider_request\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`data_item_change__new\` (\`id\`, \`provider_id\`, \`request_id\`, \`item_id\`, \`category\`, \`action\`, \`before_sealed\`, \`after_sealed\`, \`changed_at\`, \`changed_by_id\`, \`changed_by_name\`) select \`id\`, \`provider_id\`, \`request_id\`, \`item_id\`, \`category\`, \`action\`, \`before_sealed\`, \`after_sealed\`, \`changed_at\`, \`changed_by_id\`, \`changed_by_name\` from \`data_item_change\`;`);
    this.addSql(`drop table \`data_item_change\`;`);
    this.addSql(`alter table \`data_item_change__new\` rename to \`data_item_change\`;`);
    this.addSql(`create index \`data_item_change_provider_id_index\` on \`data_item_change\` (\`provider_id\`);`);
    this.addSql(`create index \`data_item_change_request_id_index\` on \`data_item_change\` (\`request_id\`);`);
    this.addSql(`create index \`data_item_change_provider_id_changed_at_index\` on \`data_item_change\` (\`provider_id\`, \`changed_at\`);`);
    this.addSql(`delete from \`search_token\` where \`kind\` = 'NAME_GRAM';`);
    this.addSql(`delete from \`system_setting\` where \`key\` = 'search.name_index';`);
  }
}
