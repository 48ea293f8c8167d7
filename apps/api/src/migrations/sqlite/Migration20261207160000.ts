import { Migration } from '@mikro-orm/migrations';

/**
 * The import of existing members (imports/): `import_file` holds an uploaded file, sealed, until
 * its import job ends; the collection channel IMPORT joins the CHECK of `collection_record.channel`
 * and `personal_data_item.channel` (SQLite re-creates both tables to change a CHECK). `down` drops
 * the file table and the channel again (rows imported with channel IMPORT must be gone first).
 */
export class Migration20261207160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`import_file\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`content_sealed\` text not null, \`sha256\` text not null, \`format\` text not null, \`byte_size\` integer not null, \`job_id\` text null, \`created_by_id\` text null, constraint \`import_file_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`import_file_created_by_id_index\` on \`import_file\` (\`created_by_id\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`collection_record__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider_id\` text not null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE', 'IMPORT')) not null, \`consent_method\` text check (\`consent_method\` in ('WEB_CHECKBOX', 'SIGNED_FORM', 'EMAIL_REPLY', 'VERBAL')) not null, \`collected_at\` datetime not null, \`policy_version\` integer not null, \`purposes\` json not null, \`categories\` json not null, \`source_sealed\` text null, \`note_sealed\` text null, \`recorded_by_id\` text null, \`recorded_by_name\` text not null, \`receipt_id\` text not null, \`receipt_json\` text not null, \`receipt_hash\` text not null, constraint \`collection_record_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`collection_record_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`collection_record__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`provider_id\`, \`channel\`, \`consent_method\`, \`collected_at\`, \`policy_version\`, \`purposes\`, \`categories\`, \`source_sealed\`, \`note_sealed\`, \`recorded_by_id\`, \`recorded_by_name\`, \`receipt_id\`, \`receipt_json\`, \`receipt_hash\` from \`collection_record\`;`);
    this.addSql(`drop table \`collection_record\`;`);
    this.addSql(`alter table \`collection_record__temp_alter\` rename to \`collection_record\`;`);
    this.addSql(`create index \`collection_record_provider_id_index\` on \`collection_record\` (\`provider_id\`);`);
    this.addSql(`create index \`collection_record_recorded_by_id_index\` on \`collection_record\` (\`recorded_by_id\`);`);
    this.addSql(`create unique index \`collection_record_receipt_id_unique\` on \`collection_record\` (\`receipt_id\`);`);
    this.addSql(`create index \`collection_record_provider_id_collected_at_index\` on \`collection_record\` (\`provider_id\`, \`collected_at\`);`);
    this.addSql(`pragma foreign_keys = on;pragma foreign_keys = off;`);
    this.addSql(`create table \`personal_data_item__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider_id\` text not null, \`category\` text check (\`category\` in ('NAME', 'NAME_READING', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, \`value_sealed\` text not null, \`source_sealed\` text null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE', 'IMPORT')) not null, \`collected_at\` datetime not null, \`collection_id\` text null, \`publicly_available\` integer not null default false, \`public_provenance\` text null, \`version\` integer not null default 1, constraint \`personal_data_item_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`personal_data_item_collection_id_foreign\` foreign key(\`collection_id\`) references \`collection_record\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`personal_data_item__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`provider_id\`, \`category\`, \`value_sealed\`, \`source_sealed\`, \`channel\`, \`collected_at\`, \`collection_id\`, \`publicly_available\`, \`public_provenance\`, \`version\` from \`personal_data_item\`;`);
    this.addSql(`drop table \`personal_data_item\`;`);
    this.addSql(`alter table \`personal_data_item__temp_alter\` rename to \`personal_data_item\`;`);
    this.addSql(`create index \`personal_data_item_provider_id_index\` on \`personal_data_item\` (\`provider_id\`);`);
    this.addSql(`create index \`personal_data_item_collection_id_index\` on \`personal_data_item\` (\`collection_id\`);`);
    this.addSql(`create index \`personal_data_item_provider_id_category_index\` on \`personal_data_item\` (\`provider_id\`, \`category\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`import_file\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`collection_record__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider_id\` text not null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE')) not null, \`consent_method\` text check (\`consent_method\` in ('WEB_CHECKBOX', 'SIGNED_FORM', 'EMAIL_REPLY', 'VERBAL')) not null, \`collected_at\` datetime not null, \`policy_version\` integer not null, \`purposes\` json not null, \`categories\` json not null, \`source_sealed\` text null, \`note_sealed\` text null, \`recorded_by_id\` text null, \`recorded_by_name\` text not null, \`receipt_id\` text not null, \`receipt_json\` text not null, \`receipt_hash\` text not null, constraint \`collection_record_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`collection_record_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`collection_record__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`provider_id\`, \`channel\`, \`consent_method\`, \`collected_at\`, \`policy_version\`, \`purposes\`, \`categories\`, \`source_sealed\`, \`note_sealed\`, \`recorded_by_id\`, \`recorded_by_name\`, \`receipt_id\`, \`receipt_json\`, \`receipt_hash\` from \`collection_record\`;`);
    this.addSql(`drop table \`collection_record\`;`);
    this.addSql(`alter table \`collection_record__temp_alter\` rename to \`collection_record\`;`);
    this.addSql(`create index \`collection_record_provider_id_index\` on \`collection_record\` (\`provider_id\`);`);
    this.addSql(`create index \`collection_record_recorded_by_id_index\` on \`collection_record\` (\`recorded_by_id\`);`);
    this.addSql(`create unique index \`collection_record_receipt_id_unique\` on \`collection_record\` (\`receipt_id\`);`);
    this.addSql(`create index \`collection_record_provider_id_collected_at_index\` on \`collection_record\` (\`provider_id\`, \`collected_at\`);`);
    this.addSql(`pragma foreign_keys = on;pragma foreign_keys = off;`);
    this.addSql(`create table \`personal_data_item__temp_alter\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider_id\` text not null, \`category\` text check (\`category\` in ('NAME', 'NAME_READING', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, \`value_sealed\` text not null, \`source_sealed\` text null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE')) not null, \`collected_at\` datetime not null, \`collection_id\` text null, \`publicly_available\` integer not null default false, \`public_provenance\` text null, \`version\` integer not null default 1, constraint \`personal_data_item_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`personal_data_item_collection_id_foreign\` foreign key(\`collection_id\`) references \`collection_record\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`insert into \`personal_data_item__temp_alter\` select \`id\`, \`created_at\`, \`updated_at\`, \`provider_id\`, \`category\`, \`value_sealed\`, \`source_sealed\`, \`channel\`, \`collected_at\`, \`collection_id\`, \`publicly_available\`, \`public_provenance\`, \`version\` from \`personal_data_item\`;`);
    this.addSql(`drop table \`personal_data_item\`;`);
    this.addSql(`alter table \`personal_data_item__temp_alter\` rename to \`personal_data_item\`;`);
    this.addSql(`create index \`personal_data_item_provider_id_index\` on \`personal_data_item\` (\`provider_id\`);`);
    this.addSql(`create index \`personal_data_item_collection_id_index\` on \`personal_data_item\` (\`collection_id\`);`);
    this.addSql(`create index \`personal_data_item_provider_id_category_index\` on \`personal_data_item\` (\`provider_id\`, \`category\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }
}
