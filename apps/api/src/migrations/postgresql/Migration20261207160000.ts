import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the `import_file` table and the collection channel IMPORT. */
export class Migration20261207160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "import_file" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "content_sealed" text not null, "sha256" varchar(64) not null, "format" varchar(10) not null, "byte_size" int not null, "job_id" uuid null, "created_by_id" uuid null, constraint "import_file_pkey" primary key ("id"));`);

    this.addSql(`alter table "import_file" add constraint "import_file_created_by_id_foreign" foreign key ("created_by_id") references "admin_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "collection_record" drop constraint if exists "collection_record_channel_check";`);

    this.addSql(`alter table "personal_data_item" drop constraint if exists "personal_data_item_channel_check";`);

    this.addSql(`alter table "collection_record" add constraint "collection_record_channel_check" check("channel" in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE', 'IMPORT'));`);

    this.addSql(`alter table "personal_data_item" add constraint "personal_data_item_channel_check" check("channel" in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE', 'IMPORT'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_file" cascade;`);

    this.addSql(`alter table "collection_record" drop constraint if exists "collection_record_channel_check";`);

    this.addSql(`alter table "personal_data_item" drop constraint if exists "personal_data_item_channel_check";`);

    this.addSql(`alter table "collection_record" add constraint "collection_record_channel_check" check("channel" in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE'));`);

    this.addSql(`alter table "personal_data_item" add constraint "personal_data_item_channel_check" check("channel" in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE'));`);
  }

}
