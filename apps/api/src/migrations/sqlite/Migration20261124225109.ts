import { Migration } from '@mikro-orm/migrations';

export class Migration20261124225109 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`cookie_category\` (\`category\` text not null, \`label_en\` text not null, \`label_ja\` text not null, \`description_en\` text not null, \`description_ja\` text not null, \`updated_at\` datetime not null, primary key (\`category\`));`);

    this.addSql(`create table \`cookie_site\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`site_key\` text not null, \`domains\` json not null, \`allowed_origins\` json not null, \`consent_lifetime_days\` integer not null, \`honours_gpc\` integer not null, \`banner_title_en\` text not null, \`banner_title_ja\` text not null, \`banner_text_en\` text not null, \`banner_text_ja\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`cookie_site_site_key_unique\` on \`cookie_site\` (\`site_key\`);`);

    this.addSql(`create table \`cookie_declaration\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`site_id\` text not null, \`name\` text not null, \`domain\` text not null, \`category\` text check (\`category\` in ('STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING')) not null, \`vendor\` text not null, \`purpose_en\` text not null, \`purpose_ja\` text not null, \`duration_days\` integer null, \`storage_kind\` text check (\`storage_kind\` in ('COOKIE', 'LOCAL_STORAGE', 'SESSION_STORAGE', 'INDEXED_DB', 'PIXEL')) not null, constraint \`cookie_declaration_site_id_foreign\` foreign key(\`site_id\`) references \`cookie_site\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`cookie_declaration_site_id_index\` on \`cookie_declaration\` (\`site_id\`);`);
    this.addSql(`create index \`cookie_declaration_site_id_category_index\` on \`cookie_declaration\` (\`site_id\`, \`category\`);`);

    this.addSql(`create table \`cookie_consent_state\` (\`site_id\` text not null, \`visitor_index\` text not null, \`event_id\` text not null, \`action\` text check (\`action\` in ('CHOOSE', 'WITHDRAW')) not null, \`functional\` integer not null, \`analytics\` integer not null, \`marketing\` integer not null, \`gpc\` integer not null, \`policy_version\` integer not null, \`recorded_at\` datetime not null, constraint \`cookie_consent_state_site_id_foreign\` foreign key(\`site_id\`) references \`cookie_site\`(\`id\`) on delete cascade on update cascade, primary key (\`site_id\`, \`visitor_index\`));`);
    this.addSql(`create index \`cookie_consent_state_site_id_index\` on \`cookie_consent_state\` (\`site_id\`);`);

    this.addSql(`create table \`cookie_consent_event\` (\`id\` text not null, \`site_id\` text not null, \`visitor_index\` text not null, \`visitor_sealed\` text not null, \`action\` text check (\`action\` in ('CHOOSE', 'WITHDRAW')) not null, \`functional\` integer not null, \`analytics\` integer not null, \`marketing\` integer not null, \`gpc\` integer not null, \`gpc_applied\` integer not null, \`policy_version\` integer not null, \`idempotency_key\` text not null, \`payload_hash\` text not null, \`occurred_at\` datetime not null, constraint \`cookie_consent_event_site_id_foreign\` foreign key(\`site_id\`) references \`cookie_site\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`cookie_consent_event_site_id_index\` on \`cookie_consent_event\` (\`site_id\`);`);
    this.addSql(`create index \`cookie_consent_event_site_id_occurred_at_index\` on \`cookie_consent_event\` (\`site_id\`, \`occurred_at\`);`);
    this.addSql(`create index \`cookie_consent_event_visitor_index_occurred_at_index\` on \`cookie_consent_event\` (\`visitor_index\`, \`occurred_at\`);`);
    this.addSql(`create unique index \`cookie_consent_event_site_id_idempotency_key_unique\` on \`cookie_consent_event\` (\`site_id\`, \`idempotency_key\`);`);
  }

}
