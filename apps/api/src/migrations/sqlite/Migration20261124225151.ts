import { Migration } from '@mikro-orm/migrations';

/** Provider requests (clause 4): requests, status history, amended items, cessations; the response period on the organisation. */
export class Migration20261124225151 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`provider_request\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`reference\` text not null, \`kind\` text check (\`kind\` in ('DISCLOSURE', 'AMENDMENT', 'CESSATION')) not null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'POST', 'TELEPHONE', 'FAX', 'EMAIL', 'IN_PERSON')) not null, \`status\` text check (\`status\` in ('RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'COMPLETED', 'REJECTED')) not null, \`received_at\` datetime not null, \`due_at\` datetime not null, \`requester_sealed\` text not null, \`provider_id\` text null, \`entered_by_id\` text null, \`verification_method\` text check (\`verification_method\` in ('ID_DOCUMENT', 'KNOWN_EMAIL_CONFIRMATION', 'MEMBERSHIP_RECORD', 'IN_PERSON')) null, \`verified_by_id\` text null, \`verified_at\` datetime null, \`verification_note_sealed\` text null, \`rejection_reason\` text null, \`completed_at\` datetime null, \`resolution\` text null, \`package_produced_at\` datetime null, \`package_hash\` text null, \`version\` integer not null default 1, constraint \`provider_request_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete set null on update cascade, constraint \`provider_request_entered_by_id_foreign\` foreign key(\`entered_by_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, constraint \`provider_request_verified_by_id_foreign\` foreign key(\`verified_by_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`provider_request_reference_unique\` on \`provider_request\` (\`reference\`);`);
    this.addSql(`create index \`provider_request_provider_id_index\` on \`provider_request\` (\`provider_id\`);`);
    this.addSql(`create index \`provider_request_entered_by_id_index\` on \`provider_request\` (\`entered_by_id\`);`);
    this.addSql(`create index \`provider_request_verified_by_id_index\` on \`provider_request\` (\`verified_by_id\`);`);
    this.addSql(`create index \`provider_request_provider_id_id_index\` on \`provider_request\` (\`provider_id\`, \`id\`);`);
    this.addSql(`create index \`provider_request_status_due_at_index\` on \`provider_request\` (\`status\`, \`due_at\`);`);

    this.addSql(`create table \`provider_cessation\` (\`id\` text not null, \`provider_id\` text not null, \`request_id\` text null, \`action\` text check (\`action\` in ('USE', 'PROVIDE')) not null, \`purpose_key\` text null, \`recipient_id\` text null, \`since\` datetime not null, \`recorded_by_id\` text null, \`recorded_by_name\` text not null, constraint \`provider_cessation_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`provider_cessation_request_id_foreign\` foreign key(\`request_id\`) references \`provider_request\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`provider_cessation_provider_id_index\` on \`provider_cessation\` (\`provider_id\`);`);
    this.addSql(`create index \`provider_cessation_request_id_index\` on \`provider_cessation\` (\`request_id\`);`);
    this.addSql(`create index \`provider_cessation_provider_id_since_index\` on \`provider_cessation\` (\`provider_id\`, \`since\`);`);

    this.addSql(`create table \`data_item_change\` (\`id\` text not null, \`provider_id\` text not null, \`request_id\` text null, \`item_id\` text not null, \`category\` text check (\`category\` in ('NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, \`action\` text check (\`action\` in ('ADD', 'UPDATE', 'REMOVE')) not null, \`before_sealed\` text null, \`after_sealed\` text null, \`changed_at\` datetime not null, \`changed_by_id\` text null, \`changed_by_name\` text not null, constraint \`data_item_change_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`data_item_change_request_id_foreign\` foreign key(\`request_id\`) references \`provider_request\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`data_item_change_provider_id_index\` on \`data_item_change\` (\`provider_id\`);`);
    this.addSql(`create index \`data_item_change_request_id_index\` on \`data_item_change\` (\`request_id\`);`);
    this.addSql(`create index \`data_item_change_provider_id_changed_at_index\` on \`data_item_change\` (\`provider_id\`, \`changed_at\`);`);

    this.addSql(`create table \`request_status_change\` (\`id\` text not null, \`request_id\` text not null, \`from_status\` text check (\`from_status\` in ('RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'COMPLETED', 'REJECTED')) null, \`to_status\` text check (\`to_status\` in ('RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'COMPLETED', 'REJECTED')) not null, \`at\` datetime not null, \`actor_id\` text null, \`actor_name\` text not null, \`reason\` text null, constraint \`request_status_change_request_id_foreign\` foreign key(\`request_id\`) references \`provider_request\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`request_status_change_request_id_index\` on \`request_status_change\` (\`request_id\`);`);
    this.addSql(`create index \`request_status_change_request_id_at_index\` on \`request_status_change\` (\`request_id\`, \`at\`);`);

    this.addSql(`alter table \`organisation\` add column \`response_period_days\` integer not null default 10;`);
    this.addSql(`alter table \`organisation\` add column \`response_period_unit\` text not null default 'BUSINESS_DAYS';`);
    this.addSql(`alter table \`organisation\` add column \`time_zone_offset_minutes\` integer not null default 540;`);
    this.addSql(`alter table \`organisation\` add column \`request_holidays\` json not null default '[]';`);
  }

}
