import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the files CSV exports make, sealed, with their expiry. */
export class Migration20261207150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "export_file" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "list" varchar(40) not null, "created_by_id" uuid not null, "file_name" varchar(200) not null, "content_sealed" text not null, "row_count" int not null, "provider_ids" text not null, "expires_at" timestamptz not null, constraint "export_file_pkey" primary key ("id"));`);
    this.addSql(`create index "export_file_expires_at_index" on "export_file" ("expires_at");`);
    this.addSql(`alter table "export_file" add constraint "export_file_created_by_id_foreign" foreign key ("created_by_id") references "admin_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "export_file" cascade;`);
  }
}
