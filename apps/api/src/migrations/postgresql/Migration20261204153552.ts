import { Migration } from '@mikro-orm/migrations';

/** Internal systems' keys (`sys_…`): only the SHA-256 of the secret is stored. */
export class Migration20261204153552 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "system_credential" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "system_name" varchar(200) not null, "label" varchar(120) not null, "key_id" varchar(32) not null, "secret_hash" varchar(64) not null, "created_by_id" uuid not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "system_credential_pkey" primary key ("id"));`);
    this.addSql(`alter table "system_credential" add constraint "system_credential_key_id_unique" unique ("key_id");`);
    this.addSql(`alter table "system_credential" add constraint "system_credential_created_by_id_foreign" foreign key ("created_by_id") references "admin_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "system_credential" cascade;`);
  }

}
