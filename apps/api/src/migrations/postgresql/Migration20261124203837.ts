import { Migration } from '@mikro-orm/migrations';

export class Migration20261124203837 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "admin_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(254) not null, "display_name" varchar(120) not null, "role" text check ("role" in ('OWNER', 'PRIVACY_OFFICER', 'VIEWER')) not null, "password_hash" varchar(255) not null, "last_login_at" timestamptz null, "disabled" boolean not null default false, constraint "admin_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "admin_user" add constraint "admin_user_email_unique" unique ("email");`);

    this.addSql(`create table "admin_session" ("token_hash" varchar(64) not null, "user_id" uuid not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "user_agent" varchar(300) null, constraint "admin_session_pkey" primary key ("token_hash"));`);
    this.addSql(`create index "admin_session_expires_at_index" on "admin_session" ("expires_at");`);

    this.addSql(`create table "audit_entry" ("id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "actor_label" varchar(160) not null, "action" varchar(64) not null, "entity_type" varchar(64) not null, "subject" varchar(254) null, "provider_ids" jsonb not null, "detail" jsonb null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_action_subject_at_index" on "audit_entry" ("action", "subject", "at");`);

    this.addSql(`create table "audit_provider" ("entry_id" uuid not null, "provider_id" uuid not null, constraint "audit_provider_pkey" primary key ("entry_id", "provider_id"));`);
    this.addSql(`create index "audit_provider_provider_id_entry_id_index" on "audit_provider" ("provider_id", "entry_id");`);

    this.addSql(`create table "data_category" ("key" varchar(40) not null, "label_en" varchar(120) not null, "label_ja" varchar(120) not null, "description" text not null, "sensitivity" text check ("sensitivity" in ('LOW', 'MEDIUM', 'HIGH')) not null, constraint "data_category_pkey" primary key ("key"));`);

    this.addSql(`create table "organisation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "name_ja" varchar(200) not null, "secretariat_name" varchar(200) not null, "postal_address" text not null, "telephone" varchar(40) not null, "fax" varchar(40) not null, "email" varchar(254) not null, constraint "organisation_pkey" primary key ("id"));`);

    this.addSql(`create table "policy_version" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" int not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED')) not null default 'DRAFT', "published_at" timestamptz null, "change_summary" text not null, "content_hash" varchar(64) not null, "sections" jsonb not null, constraint "policy_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "policy_version" add constraint "policy_version_number_unique" unique ("number");`);
    this.addSql(`create index "policy_version_status_number_index" on "policy_version" ("status", "number");`);

    this.addSql(`create table "provider" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" text check ("kind" in ('RELATED_PERSONNEL', 'BUSINESS_USER', 'SERVICE_USER')) not null, "reference" varchar(64) not null, "version" int not null default 1, constraint "provider_pkey" primary key ("id"));`);
    this.addSql(`alter table "provider" add constraint "provider_reference_unique" unique ("reference");`);
    this.addSql(`create index "provider_kind_id_index" on "provider" ("kind", "id");`);

    this.addSql(`create table "collection_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider_id" uuid not null, "channel" text check ("channel" in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE')) not null, "consent_method" text check ("consent_method" in ('WEB_CHECKBOX', 'SIGNED_FORM', 'EMAIL_REPLY', 'VERBAL')) not null, "collected_at" timestamptz not null, "policy_version" int not null, "purposes" jsonb not null, "categories" jsonb not null, "source" varchar(200) null, "note" text null, "recorded_by_id" uuid null, "recorded_by_name" varchar(120) not null, "receipt_id" uuid not null, "receipt_json" text not null, "receipt_hash" varchar(64) not null, constraint "collection_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "collection_record" add constraint "collection_record_receipt_id_unique" unique ("receipt_id");`);
    this.addSql(`create index "collection_record_provider_id_collected_at_index" on "collection_record" ("provider_id", "collected_at");`);

    this.addSql(`create table "personal_data_item" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider_id" uuid not null, "category" text check ("category" in ('NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, "value_sealed" text not null, "source" varchar(200) null, "channel" text check ("channel" in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE')) not null, "collected_at" timestamptz not null, "collection_id" uuid null, "publicly_available" boolean not null default false, "public_provenance" varchar(500) null, "version" int not null default 1, constraint "personal_data_item_pkey" primary key ("id"));`);
    this.addSql(`create index "personal_data_item_provider_id_category_index" on "personal_data_item" ("provider_id", "category");`);

    this.addSql(`create table "purpose" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "key" varchar(64) not null, "title_en" varchar(200) not null, "title_ja" varchar(200) not null, "description" text not null, "categories" jsonb not null, "introduced_in_version" int not null, "retired" boolean not null default false, constraint "purpose_pkey" primary key ("id"));`);
    this.addSql(`alter table "purpose" add constraint "purpose_key_unique" unique ("key");`);

    this.addSql(`create table "consent_state" ("provider_id" uuid not null, "purpose_id" uuid not null, "state" text check ("state" in ('GRANTED', 'REFUSED', 'WITHDRAWN', 'NOT_ASKED')) not null, "since" timestamptz not null, "event_id" uuid not null, constraint "consent_state_pkey" primary key ("provider_id", "purpose_id"));`);
    this.addSql(`create index "consent_state_purpose_id_state_provider_id_index" on "consent_state" ("purpose_id", "state", "provider_id");`);

    this.addSql(`create table "consent_event" ("id" uuid not null, "provider_id" uuid not null, "sequence" int not null, "purpose_id" uuid not null, "action" text check ("action" in ('GRANT', 'REFUSE', 'WITHDRAW')) not null, "method" text check ("method" in ('WEB_CHECKBOX', 'SIGNED_FORM', 'EMAIL_REPLY', 'VERBAL')) not null, "policy_version" int not null, "occurred_at" timestamptz not null, "recorded_by_id" uuid null, "recorded_by_name" varchar(120) not null, "collection_id" uuid null, "receipt_id" uuid null, "note" text null, constraint "consent_event_pkey" primary key ("id"));`);
    this.addSql(`create index "consent_event_provider_id_purpose_id_index" on "consent_event" ("provider_id", "purpose_id");`);
    this.addSql(`alter table "consent_event" add constraint "consent_event_provider_id_sequence_unique" unique ("provider_id", "sequence");`);

    this.addSql(`create table "search_token" ("id" uuid not null, "provider_id" uuid not null, "item_id" uuid not null, "kind" varchar(16) not null, "hash" varchar(64) not null, constraint "search_token_pkey" primary key ("id"));`);
    this.addSql(`create index "search_token_hash_provider_id_index" on "search_token" ("hash", "provider_id");`);

    this.addSql(`create table "system_setting" ("key" varchar(64) not null, "value" text not null, constraint "system_setting_pkey" primary key ("key"));`);

    this.addSql(`alter table "admin_session" add constraint "admin_session_user_id_foreign" foreign key ("user_id") references "admin_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "collection_record" add constraint "collection_record_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "collection_record" add constraint "collection_record_recorded_by_id_foreign" foreign key ("recorded_by_id") references "admin_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "personal_data_item" add constraint "personal_data_item_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "personal_data_item" add constraint "personal_data_item_collection_id_foreign" foreign key ("collection_id") references "collection_record" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "consent_state" add constraint "consent_state_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "consent_state" add constraint "consent_state_purpose_id_foreign" foreign key ("purpose_id") references "purpose" ("id") on update cascade;`);

    this.addSql(`alter table "consent_event" add constraint "consent_event_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "consent_event" add constraint "consent_event_purpose_id_foreign" foreign key ("purpose_id") references "purpose" ("id") on update cascade;`);
    this.addSql(`alter table "consent_event" add constraint "consent_event_recorded_by_id_foreign" foreign key ("recorded_by_id") references "admin_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "consent_event" add constraint "consent_event_collection_id_foreign" foreign key ("collection_id") references "collection_record" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "search_token" add constraint "search_token_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "admin_session" drop constraint "admin_session_user_id_foreign";`);

    this.addSql(`alter table "collection_record" drop constraint "collection_record_recorded_by_id_foreign";`);

    this.addSql(`alter table "consent_event" drop constraint "consent_event_recorded_by_id_foreign";`);

    this.addSql(`alter table "collection_record" drop constraint "collection_record_provider_id_foreign";`);

    this.addSql(`alter table "personal_data_item" drop constraint "personal_data_item_provider_id_foreign";`);

    this.addSql(`alter table "consent_state" drop constraint "consent_state_provider_id_foreign";`);

    this.addSql(`alter table "consent_event" drop constraint "consent_event_provider_id_foreign";`);

    this.addSql(`alter table "search_token" drop constraint "search_token_provider_id_foreign";`);

    this.addSql(`alter table "personal_data_item" drop constraint "personal_data_item_collection_id_foreign";`);

    this.addSql(`alter table "consent_event" drop constraint "consent_event_collection_id_foreign";`);

    this.addSql(`alter table "consent_state" drop constraint "consent_state_purpose_id_foreign";`);

    this.addSql(`alter table "consent_event" drop constraint "consent_event_purpose_id_foreign";`);

    this.addSql(`drop table if exists "admin_user" cascade;`);

    this.addSql(`drop table if exists "admin_session" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "audit_provider" cascade;`);

    this.addSql(`drop table if exists "data_category" cascade;`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "policy_version" cascade;`);

    this.addSql(`drop table if exists "provider" cascade;`);

    this.addSql(`drop table if exists "collection_record" cascade;`);

    this.addSql(`drop table if exists "personal_data_item" cascade;`);

    this.addSql(`drop table if exists "purpose" cascade;`);

    this.addSql(`drop table if exists "consent_state" cascade;`);

    this.addSql(`drop table if exists "consent_event" cascade;`);

    this.addSql(`drop table if exists "search_token" cascade;`);

    this.addSql(`drop table if exists "system_setting" cascade;`);
  }

}
