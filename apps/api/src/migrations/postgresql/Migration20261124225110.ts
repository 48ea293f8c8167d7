import { Migration } from '@mikro-orm/migrations';

export class Migration20261124225110 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "cookie_category" ("category" varchar(32) not null, "label_en" varchar(60) not null, "label_ja" varchar(60) not null, "description_en" text not null, "description_ja" text not null, "updated_at" timestamptz not null, constraint "cookie_category_pkey" primary key ("category"));`);

    this.addSql(`create table "cookie_site" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(120) not null, "site_key" varchar(40) not null, "domains" jsonb not null, "allowed_origins" jsonb not null, "consent_lifetime_days" int not null, "honours_gpc" boolean not null, "banner_title_en" varchar(120) not null, "banner_title_ja" varchar(120) not null, "banner_text_en" text not null, "banner_text_ja" text not null, constraint "cookie_site_pkey" primary key ("id"));`);
    this.addSql(`alter table "cookie_site" add constraint "cookie_site_site_key_unique" unique ("site_key");`);

    this.addSql(`create table "cookie_declaration" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "site_id" uuid not null, "name" varchar(120) not null, "domain" varchar(253) not null, "category" text check ("category" in ('STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING')) not null, "vendor" varchar(120) not null, "purpose_en" text not null, "purpose_ja" text not null, "duration_days" int null, "storage_kind" text check ("storage_kind" in ('COOKIE', 'LOCAL_STORAGE', 'SESSION_STORAGE', 'INDEXED_DB', 'PIXEL')) not null, constraint "cookie_declaration_pkey" primary key ("id"));`);
    this.addSql(`create index "cookie_declaration_site_id_category_index" on "cookie_declaration" ("site_id", "category");`);

    this.addSql(`create table "cookie_consent_state" ("site_id" uuid not null, "visitor_index" varchar(64) not null, "event_id" uuid not null, "action" text check ("action" in ('CHOOSE', 'WITHDRAW')) not null, "functional" boolean not null, "analytics" boolean not null, "marketing" boolean not null, "gpc" boolean not null, "policy_version" int not null, "recorded_at" timestamptz not null, constraint "cookie_consent_state_pkey" primary key ("site_id", "visitor_index"));`);

    this.addSql(`create table "cookie_consent_event" ("id" uuid not null, "site_id" uuid not null, "visitor_index" varchar(64) not null, "visitor_sealed" text not null, "action" text check ("action" in ('CHOOSE', 'WITHDRAW')) not null, "functional" boolean not null, "analytics" boolean not null, "marketing" boolean not null, "gpc" boolean not null, "gpc_applied" boolean not null, "policy_version" int not null, "idempotency_key" varchar(64) not null, "payload_hash" varchar(64) not null, "occurred_at" timestamptz not null, constraint "cookie_consent_event_pkey" primary key ("id"));`);
    this.addSql(`create index "cookie_consent_event_site_id_occurred_at_index" on "cookie_consent_event" ("site_id", "occurred_at");`);
    this.addSql(`create index "cookie_consent_event_visitor_index_occurred_at_index" on "cookie_consent_event" ("visitor_index", "occurred_at");`);
    this.addSql(`alter table "cookie_consent_event" add constraint "cookie_consent_event_site_id_idempotency_key_unique" unique ("site_id", "idempotency_key");`);

    this.addSql(`alter table "cookie_declaration" add constraint "cookie_declaration_site_id_foreign" foreign key ("site_id") references "cookie_site" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "cookie_consent_state" add constraint "cookie_consent_state_site_id_foreign" foreign key ("site_id") references "cookie_site" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "cookie_consent_event" add constraint "cookie_consent_event_site_id_foreign" foreign key ("site_id") references "cookie_site" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cookie_declaration" drop constraint "cookie_declaration_site_id_foreign";`);

    this.addSql(`alter table "cookie_consent_state" drop constraint "cookie_consent_state_site_id_foreign";`);

    this.addSql(`alter table "cookie_consent_event" drop constraint "cookie_consent_event_site_id_foreign";`);

    this.addSql(`drop table if exists "cookie_category" cascade;`);

    this.addSql(`drop table if exists "cookie_site" cascade;`);

    this.addSql(`drop table if exists "cookie_declaration" cascade;`);

    this.addSql(`drop table if exists "cookie_consent_state" cascade;`);

    this.addSql(`drop table if exists "cookie_consent_event" cascade;`);
  }

}
