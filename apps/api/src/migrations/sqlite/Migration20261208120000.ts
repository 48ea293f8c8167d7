import { Migration } from '@mikro-orm/migrations';

/**
 * The incident register (issue 18, clause 3; APPI Art. 26): `incident` (facts, checklist, counts,
 * reports, sealed free text), `incident_provider` (who is affected, by provider for the disclosure
 * package), `incident_step` (the timeline, one ledger entry each) and `incident_notification`; and
 * `export_provider`, which providers each CSV export named, kept after the file is purged so a lost
 * export's people can be selected (IN_EXPORT).
 */
export class Migration20261208120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`export_provider\` (\`export_id\` text not null, \`provider_id\` text not null, primary key (\`export_id\`, \`provider_id\`));`);
    this.addSql(`create index \`export_provider_provider_id_index\` on \`export_provider\` (\`provider_id\`);`);

    this.addSql(`create table \`incident\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`reference\` text not null, \`kind\` text check (\`kind\` in ('LEAK', 'LOSS', 'DAMAGE', 'FALSIFICATION')) not null, \`status\` text check (\`status\` in ('OPEN', 'ASSESSING', 'PRELIMINARY_REPORTED', 'FINAL_REPORTED', 'CLOSED')) not null default 'OPEN', \`title\` text not null, \`description_enc\` text null, \`measures_enc\` text null, \`cause_detail_enc\` text null, \`data_involved_enc\` text null, \`secondary_damage_enc\` text null, \`occurred_at\` datetime null, \`aware_at\` datetime not null, \`discovery\` text check (\`discovery\` in ('STAFF', 'PROVIDER_REPORT', 'CONTRACTOR_NOTICE', 'THIRD_PARTY_REPORT', 'LEDGER_VERIFICATION', 'PARTNER_SCOPE_MONITOR', 'OTHER')) not null, \`cause\` text check (\`cause\` in ('UNKNOWN', 'MISDELIVERY', 'MISCONFIGURATION', 'LOST_MEDIA', 'SYSTEM_FAULT', 'UNAUTHORISED_ACCESS', 'MALWARE', 'THEFT', 'INSIDER_MISUSE', 'OTHER')) not null, \`wrongful_purpose_suspected\` integer not null, \`sensitive_data\` integer null, \`financial_loss_risk\` integer null, \`strong_encryption_key_safe\` integer null, \`categories\` json not null, \`affected_count\` integer not null default 0, \`affected_count_estimated\` integer not null default false, \`entrusted_by\` text null, \`preliminary_sent_at\` datetime null, \`preliminary_reference\` text null, \`final_sent_at\` datetime null, \`final_reference\` text null, \`created_by\` text null, \`closed_at\` datetime null, \`detector_key\` text null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create unique index \`incident_reference_unique\` on \`incident\` (\`reference\`);`);
    this.addSql(`create unique index \`incident_detector_key_unique\` on \`incident\` (\`detector_key\`);`);
    this.addSql(`create index \`incident_status_aware_at_index\` on \`incident\` (\`status\`, \`aware_at\`);`);
    this.addSql(`create index \`incident_aware_at_id_index\` on \`incident\` (\`aware_at\`, \`id\`);`);

    this.addSql(`create table \`incident_notification\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`incident_id\` text not null, \`channel\` text check (\`channel\` in ('EMAIL', 'POST', 'TELEPHONE', 'IN_PERSON', 'PUBLIC_NOTICE', 'OTHER')) not null, \`sent_at\` datetime not null, \`providers_count\` integer not null, \`via_mail\` integer not null, \`note_enc\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`incident_notification_incident_id_sent_at_index\` on \`incident_notification\` (\`incident_id\`, \`sent_at\`);`);

    this.addSql(`create table \`incident_provider\` (\`incident_id\` text not null, \`provider_id\` text not null, \`added_at\` datetime not null, \`selector\` text check (\`selector\` in ('PICKED', 'REFERENCES', 'HOLDS_CATEGORY', 'PROVIDED_TO_RECIPIENT', 'IN_EXPORT')) not null, primary key (\`incident_id\`, \`provider_id\`));`);
    this.addSql(`create index \`incident_provider_provider_id_index\` on \`incident_provider\` (\`provider_id\`);`);

    this.addSql(`create table \`incident_step\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`incident_id\` text not null, \`kind\` text check (\`kind\` in ('OPENED', 'ASSESSED', 'AFFECTED_CHANGED', 'STATUS_CHANGED', 'REPORT_SENT', 'PROVIDERS_NOTIFIED', 'MEASURE_RECORDED', 'NOTE')) not null, \`at\` datetime not null, \`actor\` text null, \`summary\` json not null, \`note_enc\` text null, \`ledger_sequence\` integer null, primary key (\`id\`));`);
    this.addSql(`create index \`incident_step_incident_id_at_index\` on \`incident_step\` (\`incident_id\`, \`at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`incident_step\`;`);
    this.addSql(`drop table if exists \`incident_provider\`;`);
    this.addSql(`drop table if exists \`incident_notification\`;`);
    this.addSql(`drop table if exists \`incident\`;`);
    this.addSql(`drop table if exists \`export_provider\`;`);
  }
}
