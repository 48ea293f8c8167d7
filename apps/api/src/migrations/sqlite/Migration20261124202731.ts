import { Migration } from '@mikro-orm/migrations';

export class Migration20261124202731 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`admin_user\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`email\` text not null, \`display_name\` text not null, \`role\` text check (\`role\` in ('OWNER', 'PRIVACY_OFFICER', 'VIEWER')) not null, \`password_hash\` text not null, \`last_login_at\` datetime null, \`disabled\` integer not null default false, primary key (\`id\`));`);
    this.addSql(`create unique index \`admin_user_email_unique\` on \`admin_user\` (\`email\`);`);

    this.addSql(`create table \`admin_session\` (\`token_hash\` text not null, \`user_id\` text not null, \`created_at\` datetime not null, \`last_seen_at\` datetime not null, \`expires_at\` datetime not null, \`user_agent\` text null, constraint \`admin_session_user_id_foreign\` foreign key(\`user_id\`) references \`admin_user\`(\`id\`) on delete cascade on update cascade, primary key (\`token_hash\`));`);
    this.addSql(`create index \`admin_session_user_id_index\` on \`admin_session\` (\`user_id\`);`);
    this.addSql(`create index \`admin_session_expires_at_index\` on \`admin_session\` (\`expires_at\`);`);

    this.addSql(`create table \`audit_entry\` (\`id\` text not null, \`at\` datetime not null, \`actor_id\` text null, \`actor_label\` text not null, \`action\` text not null, \`entity_type\` text not null, \`subject\` text null, \`provider_ids\` json not null, \`detail\` json null, primary key (\`id\`));`);
    this.addSql(`create index \`audit_entry_action_subject_at_index\` on \`audit_entry\` (\`action\`, \`subject\`, \`at\`);`);

    this.addSql(`create table \`audit_provider\` (\`entry_id\` text not null, \`provider_id\` text not null, primary key (\`entry_id\`, \`provider_id\`));`);
    this.addSql(`create index \`audit_provider_provider_id_entry_id_index\` on \`audit_provider\` (\`provider_id\`, \`entry_id\`);`);

    this.addSql(`create table \`data_category\` (\`key\` text not null, \`label_en\` text not null, \`label_ja\` text not null, \`description\` text not null, \`sensitivity\` text check (\`sensitivity\` in ('LOW', 'MEDIUM', 'HIGH')) not null, primary key (\`key\`));`);

    this.addSql(`create table \`organisation\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`name_ja\` text not null, \`secretariat_name\` text not null, \`postal_address\` text not null, \`telephone\` text not null, \`fax\` text not null, \`email\` text not null, primary key (\`id\`));`);

    this.addSql(`create table \`policy_version\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`number\` integer not null, \`status\` text check (\`status\` in ('DRAFT', 'PUBLISHED')) not null default 'DRAFT', \`published_at\` datetime null, \`change_summary\` text not null, \`content_hash\` text not null, \`sections\` json not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`policy_version_number_unique\` on \`policy_version\` (\`number\`);`);
    this.addSql(`create index \`policy_version_status_number_index\` on \`policy_version\` (\`status\`, \`number\`);`);

    this.addSql(`create table \`provider\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text check (\`kind\` in ('RELATED_PERSONNEL', 'BUSINESS_USER', 'SERVICE_USER')) not null, \`reference\` text not null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create unique index \`provider_reference_unique\` on \`provider\` (\`reference\`);`);
    this.addSql(`create index \`provider_kind_id_index\` on \`provider\` (\`kind\`, \`id\`);`);

    this.addSql(`create table \`collection_record\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider_id\` text not null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE')) not null, \`consent_method\` text check (\`consent_method\` in ('WEB_CHECKBOX', 'SIGNED_FORM', 'EMAIL_REPLY', 'VERBAL')) not null, \`collected_at\` datetime not null, \`policy_version\` integer not null, \`purposes\` json not null, \`categories\` json not null, \`source\` text null, \`note\` text null, \`recorded_by_id\` text null, \`recorded_by_name\` text not null, \`receipt_id\` text not null, \`receipt_json\` text not null, \`receipt_hash\` text not null, constraint \`collection_record_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`collection_record_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`collection_record_provider_id_index\` on \`collection_record\` (\`provider_id\`);`);
    this.addSql(`create index \`collection_record_recorded_by_id_index\` on \`collection_record\` (\`recorded_by_id\`);`);
    this.addSql(`create unique index \`collection_record_receipt_id_unique\` on \`collection_record\` (\`receipt_id\`);`);
    this.addSql(`create index \`collection_record_provider_id_collected_at_index\` on \`collection_record\` (\`provider_id\`, \`collected_at\`);`);

    this.addSql(`create table \`personal_data_item\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`provider_id\` text not null, \`category\` text check (\`category\` in ('NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL', 'TELEPHONE', 'FAX', 'AFFILIATION', 'MEMBERSHIP_NUMBER', 'COOKIE_IDENTIFIER')) not null, \`value_sealed\` text not null, \`source\` text null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE')) not null, \`collected_at\` datetime not null, \`collection_id\` text null, \`publicly_available\` integer not null default false, \`public_provenance\` text null, \`version\` integer not null default 1, constraint \`personal_data_item_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`personal_data_item_collection_id_foreign\` foreign key(\`collection_id\`) references \`collection_record\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`personal_data_item_provider_id_index\` on \`personal_data_item\` (\`provider_id\`);`);
    this.addSql(`create index \`personal_data_item_collection_id_index\` on \`personal_data_item\` (\`collection_id\`);`);
    this.addSql(`create index \`personal_data_item_provider_id_category_index\` on \`personal_data_item\` (\`provider_id\`, \`category\`);`);

    this.addSql(`create table \`purpose\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`key\` text not null, \`title_en\` text not null, \`title_ja\` text not null, \`description\` text not null, \`categories\` json not null, \`introduced_in_version\` integer not null, \`retired\` integer not null default false, primary key (\`id\`));`);
    this.addSql(`create unique index \`purpose_key_unique\` on \`purpose\` (\`key\`);`);

    this.addSql(`create table \`consent_state\` (\`provider_id\` text not null, \`purpose_id\` text not null, \`state\` text check (\`state\` in ('GRANTED', 'REFUSED', 'WITHDRAWN', 'NOT_ASKED')) not null, \`since\` datetime not null, \`event_id\` text not null, constraint \`consent_state_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`consent_state_purpose_id_foreign\` foreign key(\`purpose_id\`) references \`purpose\`(\`id\`) on update cascade, primary key (\`provider_id\`, \`purpose_id\`));`);
    this.addSql(`create index \`consent_state_provider_id_index\` on \`consent_state\` (\`provider_id\`);`);
    this.addSql(`create index \`consent_state_purpose_id_index\` on \`consent_state\` (\`purpose_id\`);`);
    this.addSql(`create index \`consent_state_purpose_id_state_provider_id_index\` on \`consent_state\` (\`purpose_id\`, \`state\`, \`provider_id\`);`);

    this.addSql(`create table \`consent_event\` (\`id\` text not null, \`provider_id\` text not null, \`sequence\` integer not null, \`purpose_id\` text not null, \`action\` text check (\`action\` in ('GRANT', 'REFUSE', 'WITHDRAW')) not null, \`method\` text check (\`method\` in ('WEB_CHECKBOX', 'SIGNED_FORM', 'EMAIL_REPLY', 'VERBAL')) not null, \`policy_version\` integer not null, \`occurred_at\` datetime not null, \`recorded_by_id\` text null, \`recorded_by_name\` text not null, \`collection_id\` text null, \`receipt_id\` text null, \`note\` text null, constraint \`consent_event_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, constraint \`consent_event_purpose_id_foreign\` foreign key(\`purpose_id\`) references \`purpose\`(\`id\`) on update cascade, constraint \`consent_event_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, constraint \`consent_event_collection_id_foreign\` foreign key(\`collection_id\`) references \`collection_record\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`consent_event_provider_id_index\` on \`consent_event\` (\`provider_id\`);`);
    this.addSql(`create index \`consent_event_purpose_id_index\` on \`consent_event\` (\`purpose_id\`);`);
    this.addSql(`create index \`consent_event_recorded_by_id_index\` on \`consent_event\` (\`recorded_by_id\`);`);
    this.addSql(`create index \`consent_event_collection_id_index\` on \`consent_event\` (\`collection_id\`);`);
    this.addSql(`create index \`consent_event_provider_id_purpose_id_index\` on \`consent_event\` (\`provider_id\`, \`purpose_id\`);`);
    this.addSql(`create unique index \`consent_event_provider_id_sequence_unique\` on \`consent_event\` (\`provider_id\`, \`sequence\`);`);

    this.addSql(`create table \`search_token\` (\`id\` text not null, \`provider_id\` text not null, \`item_id\` text not null, \`kind\` text not null, \`hash\` text not null, constraint \`search_token_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`search_token_provider_id_index\` on \`search_token\` (\`provider_id\`);`);
    this.addSql(`create index \`search_token_hash_provider_id_index\` on \`search_token\` (\`hash\`, \`provider_id\`);`);

    this.addSql(`create table \`system_setting\` (\`key\` text not null, \`value\` text not null, primary key (\`key\`));`);
  }

}
