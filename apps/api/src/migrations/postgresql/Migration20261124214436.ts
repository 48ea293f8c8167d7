import { Migration } from '@mikro-orm/migrations';

/** Recipients, their partner credentials (hashed keys) and permitted exceptions (issue #3). */
export class Migration20261124214436 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "recipient" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "kind" text check ("kind" in ('CONTRACTOR', 'THIRD_PARTY', 'AUTHORITY')) not null, "contact" text null, "notes" text null, constraint "recipient_pkey" primary key ("id"));`);
    this.addSql(`alter table "recipient" add constraint "recipient_name_unique" unique ("name");`);

    this.addSql(`create table "permitted_exception" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" text check ("kind" in ('LAW', 'PROVIDER_AGREEMENT', 'OUTSOURCING', 'BOARD_APPROVAL')) not null, "title" varchar(200) not null, "evidence" jsonb not null, "purpose_keys" jsonb not null, "categories" jsonb not null, "provider_ids" jsonb not null, "all_providers" boolean not null default false, "recipient_id" uuid null, "valid_from" timestamptz not null, "valid_until" timestamptz null, "status" text check ("status" in ('DRAFT', 'ACTIVE', 'REVOKED', 'EXPIRED')) not null, "authored_by_id" uuid not null, "approved_by_id" uuid null, "approved_at" timestamptz null, "revoked_by_id" uuid null, "revoked_at" timestamptz null, "revocation_reason" text null, "version" int not null default 1, constraint "permitted_exception_pkey" primary key ("id"));`);
    this.addSql(`create index "permitted_exception_recipient_id_status_index" on "permitted_exception" ("recipient_id", "status");`);
    this.addSql(`create index "permitted_exception_kind_id_index" on "permitted_exception" ("kind", "id");`);

    this.addSql(`create table "partner_credential" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "recipient_id" uuid not null, "label" varchar(120) not null, "key_id" varchar(32) not null, "secret_hash" varchar(64) not null, "created_by_id" uuid not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "partner_credential_pkey" primary key ("id"));`);
    this.addSql(`alter table "partner_credential" add constraint "partner_credential_key_id_unique" unique ("key_id");`);
    this.addSql(`create index "partner_credential_recipient_id_created_at_index" on "partner_credential" ("recipient_id", "created_at");`);

    this.addSql(`alter table "permitted_exception" add constraint "permitted_exception_recipient_id_foreign" foreign key ("recipient_id") references "recipient" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "permitted_exception" add constraint "permitted_exception_authored_by_id_foreign" foreign key ("authored_by_id") references "admin_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "permitted_exception" add constraint "permitted_exception_approved_by_id_foreign" foreign key ("approved_by_id") references "admin_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "permitted_exception" add constraint "permitted_exception_revoked_by_id_foreign" foreign key ("revoked_by_id") references "admin_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "partner_credential" add constraint "partner_credential_recipient_id_foreign" foreign key ("recipient_id") references "recipient" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "partner_credential" add constraint "partner_credential_created_by_id_foreign" foreign key ("created_by_id") references "admin_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "permitted_exception" drop constraint "permitted_exception_recipient_id_foreign";`);

    this.addSql(`alter table "partner_credential" drop constraint "partner_credential_recipient_id_foreign";`);

    this.addSql(`drop table if exists "recipient" cascade;`);

    this.addSql(`drop table if exists "permitted_exception" cascade;`);

    this.addSql(`drop table if exists "partner_credential" cascade;`);
  }

}
