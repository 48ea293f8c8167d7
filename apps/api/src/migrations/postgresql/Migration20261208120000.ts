import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the incident register's tables and `export_provider`. */
export class Migration20261208120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "export_provider" ("export_id" uuid not null, "provider_id" uuid not null, constraint "export_provider_pkey" primary key ("export_id", "provider_id"));`);
    this.addSql(`create index "export_provider_provider_id_index" on "export_provider" ("provider_id");`);

    this.addSql(`create table "incident" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reference" varchar(20) not null, "kind" text check ("kind" in ('LEAK', 'LOSS', 'DAMAGE', 'FALSIFICATION')) not null, "status" text check ("status" in ('OPEN', 'ASSESSING', 'PRELIMINARY_REPORTED', 'FINAL_REPORTED', 'CLOSED')) not null default 'OPEN', "title" varchar(200) not null, "description_enc" text null, "measures_enc" text null, "cause_detail_enc" text null, "data_involved_enc" text null, "secondary_damage_enc" text null, "occurred_at" timestamptz null, "aware_at" timestamptz not null, "discovery" text check ("discovery" in ('STAFF', 'PROVIDER_REPORT', 'CONTRACTOR_NOTICE', 'THIRD_PARTY_REPORT', 'LEDGER_VERIFICATION', 'PARTNER_SCOPE_MONITOR', 'OTHER')) not null, "cause" text check ("cause" in ('UNKNOWN', 'MISDELIVERY', 'MISCONFIGURATION', 'LOST_MEDIA', 'SYSTEM_FAULT', 'UNAUTHORISED_ACCESS', 'MALWARE', 'THEFT', 'INSIDER_MISUSE', 'OTHER')) not null, "wrongful_purpose_suspected" boolean not null, "sensitive_data" boolean null, "financial_loss_risk" boolean null, "strong_encryption_key_safe" boolean null, "categories" jsonb not null, "affected_count" int not null default 0, "affected_count_estimated" boolean not null default false, "entrusted_by" varchar(200) null, "preliminary_sent_at" timestamptz null, "preliminary_reference" varchar(200) null, "final_sent_at" timestamptz null, "final_reference" varchar(200) null, "created_by" uuid null, "closed_at" timestamptz null, "detector_key" varchar(200) null, "version" int not null default 1, constraint "incident_pkey" primary key ("id"));`);
    this.addSql(`alter table "incident" add constraint "incident_reference_unique" unique ("reference");`);
    this.addSql(`alter table "incident" add constraint "incident_detector_key_unique" unique ("detector_key");`);
    this.addSql(`create index "incident_status_aware_at_index" on "incident" ("status", "aware_at");`);
    this.addSql(`create index "incident_aware_at_id_index" on "incident" ("aware_at", "id");`);

    this.addSql(`create table "incident_notification" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "incident_id" uuid not null, "channel" text check ("channel" in ('EMAIL', 'POST', 'TELEPHONE', 'IN_PERSON', 'PUBLIC_NOTICE', 'OTHER')) not null, "sent_at" timestamptz not null, "providers_count" int not null, "via_mail" boolean not null, "note_enc" text null, constraint "incident_notification_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_notification_incident_id_sent_at_index" on "incident_notification" ("incident_id", "sent_at");`);

    this.addSql(`create table "incident_provider" ("incident_id" uuid not null, "provider_id" uuid not null, "added_at" timestamptz not null, "selector" text check ("selector" in ('PICKED', 'REFERENCES', 'HOLDS_CATEGORY', 'PROVIDED_TO_RECIPIENT', 'IN_EXPORT')) not null, constraint "incident_provider_pkey" primary key ("incident_id", "provider_id"));`);
    this.addSql(`create index "incident_provider_provider_id_index" on "incident_provider" ("provider_id");`);

    this.addSql(`create table "incident_step" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "incident_id" uuid not null, "kind" text check ("kind" in ('OPENED', 'ASSESSED', 'AFFECTED_CHANGED', 'STATUS_CHANGED', 'REPORT_SENT', 'PROVIDERS_NOTIFIED', 'MEASURE_RECORDED', 'NOTE')) not null, "at" timestamptz not null, "actor" varchar(80) null, "summary" jsonb not null, "note_enc" text null, "ledger_sequence" int null, constraint "incident_step_pkey" primary key ("id"));`);
    this.addSql(`create index "incident_step_incident_id_at_index" on "incident_step" ("incident_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "export_provider" cascade;`);

    this.addSql(`drop table if exists "incident" cascade;`);

    this.addSql(`drop table if exists "incident_notification" cascade;`);

    this.addSql(`drop table if exists "incident_provider" cascade;`);

    this.addSql(`drop table if exists "incident_step" cascade;`);
  }
}
