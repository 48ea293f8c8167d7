import { Migration } from '@mikro-orm/migrations';

/** Provider requests (clause 4): requests, status history, amended items, cessations; the response period on the organisation. */
export class Migration20261124225152 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "provider_request" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reference" varchar(32) not null, "kind" text check ("kind" in ('DISCLOSURE', 'AMENDMENT', 'CESSATION')) not null, "channel" text check ("channel" in ('WEB_FORM', 'POST', 'TELEPHONE', 'FAX', 'EMAIL', 'IN_PERSON')) not null, "status" text check ("status" in ('RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'COMPLETED', 'REJECTED')) not null, "received_at" timestamptz not null, "due_at" timestamptz not null, "requester_sealed" text not null, "provider_id" uuid null, "entered_by_id" uuid null, "verification_method" text check ("verification_method" in ('ID_DOCUMENT', 'KNOWN_EMAIL_CONFIRMATION', 'MEMBERSHIP_RECORD', 'IN_PERSON')) null, "verified_by_id" uuid null, "verified_at" timestamptz null, "verification_note_sealed" text null, "rejection_reason" text null, "completed_at" timestamptz null, "resolution" text null, "package_produced_at" timestamptz null, "package_hash" varchar(64) null, "version" int not null default 1, constraint "provider_request_pkey" primary key ("id"));`);
    this.addSql(`alter table "provider_request" add constraint "provider_request_reference_unique" unique ("reference");`);
    this.addSql(`create index "provider_request_provider_id_id_index" on "provider_request" ("provider_id", "id");`);
    this.addSql(`create index "provider_request_status_due_at_index" on "provider_request" ("status", "due_at");`);

    this.addSql(`create table "provider_cessation" ("id" uuid not null, "provider_id" uuid not null, "request_id" uuid null, "action" text check ("action" in ('USE', 'PROVIDE')) not null, "purpose_key" varchar(64) null, "recipient_id" uuid null, "since" timestamptz not null, "recorded_by_id" uuid null, "recorded_by_name" varchar(160) not null, constraint "provider_cessation_pkey" primary key ("id"));`);
    this.addSql(`create index "provider_cessation_provider_id_since_index" on "provider_cessation" ("provider_id", "since");`);

    this.addSql(`create table "data_item_change" ("id" uuid not null, "provider_id" uuid not null, "request_id" uuid null, "item_id" uuid not null, "category" text check ("category" in ('NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, "action" text check ("action" in ('ADD', 'UPDATE', 'REMOVE')) not null, "before_sealed" text null, "after_sealed" text null, "changed_at" timestamptz not null, "changed_by_id" uuid null, "changed_by_name" varchar(160) not null, constraint "data_item_change_pkey" primary key ("id"));`);
    this.addSql(`create index "data_item_change_provider_id_changed_at_index" on "data_item_change" ("provider_id", "changed_at");`);

    this.addSql(`create table "request_status_change" ("id" uuid not null, "request_id" uuid not null, "from_status" text check ("from_status" in ('RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'COMPLETED', 'REJECTED')) null, "to_status" text check ("to_status" in ('RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'COMPLETED', 'REJECTED')) not null, "at" timestamptz not null, "actor_id" uuid null, "actor_name" varchar(160) not null, "reason" text null, constraint "request_status_change_pkey" primary key ("id"));`);
    this.addSql(`create index "request_status_change_request_id_at_index" on "request_status_change" ("request_id", "at");`);

    this.addSql(`alter table "provider_request" add constraint "provider_request_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "provider_request" add constraint "provider_request_entered_by_id_foreign" foreign key ("entered_by_id") references "admin_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "provider_request" add constraint "provider_request_verified_by_id_foreign" foreign key ("verified_by_id") references "admin_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "provider_cessation" add constraint "provider_cessation_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "provider_cessation" add constraint "provider_cessation_request_id_foreign" foreign key ("request_id") references "provider_request" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "data_item_change" add constraint "data_item_change_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "data_item_change" add constraint "data_item_change_request_id_foreign" foreign key ("request_id") references "provider_request" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "request_status_change" add constraint "request_status_change_request_id_foreign" foreign key ("request_id") references "provider_request" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "organisation" add column "response_period_days" int not null default 10, add column "response_period_unit" varchar(16) not null default 'BUSINESS_DAYS', add column "time_zone_offset_minutes" int not null default 540, add column "request_holidays" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "provider_cessation" drop constraint "provider_cessation_request_id_foreign";`);

    this.addSql(`alter table "data_item_change" drop constraint "data_item_change_request_id_foreign";`);

    this.addSql(`alter table "request_status_change" drop constraint "request_status_change_request_id_foreign";`);

    this.addSql(`drop table if exists "provider_request" cascade;`);

    this.addSql(`drop table if exists "provider_cessation" cascade;`);

    this.addSql(`drop table if exists "data_item_change" cascade;`);

    this.addSql(`drop table if exists "request_status_change" cascade;`);

    this.addSql(`alter table "organisation" drop column "response_period_days", drop column "response_period_unit", drop column "time_zone_offset_minutes", drop column "request_holidays";`);
  }

}
