import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: one random-keyed index on the consent events, no state table. */
export class Migration20261125030001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'alter table "cookie_consent_event" add constraint "cookie_consent_event_visitor_site_key_unique" unique ("visitor_index", "site_id", "idempotency_key");',
    );
    this.addSql('alter table "cookie_consent_event" drop constraint "cookie_consent_event_site_id_idempotency_key_unique";');
    this.addSql('drop index "cookie_consent_event_visitor_index_occurred_at_index";');
    this.addSql('drop table if exists "cookie_consent_state" cascade;');
  }

  override async down(): Promise<void> {
    this.addSql(
      `create table "cookie_consent_state" ("site_id" uuid not null, "visitor_index" varchar(64) not null, "event_id" uuid not null, "action" text check ("action" in ('CHOOSE', 'WITHDRAW')) not null,` +
        ' "functional" boolean not null, "analytics" boolean not null, "marketing" boolean not null, "gpc" boolean not null, "policy_version" int not null, "recorded_at" timestamptz not null,' +
        ' constraint "cookie_consent_state_pkey" primary key ("site_id", "visitor_index"));',
    );
    this.addSql(
      'alter table "cookie_consent_state" add constraint "cookie_consent_state_site_id_foreign" foreign key ("site_id") references "cookie_site" ("id") on update cascade on delete cascade;',
    );
    // The state is derived: each visitor's newest event per site.
    this.addSql(
      'insert into "cookie_consent_state" select distinct on (visitor_index, site_id) site_id, visitor_index, id, action, functional, analytics, marketing, gpc, policy_version, occurred_at' +
        ' from "cookie_consent_event" order by visitor_index, site_id, occurred_at desc, id desc;',
    );
    // Keys are per visitor now: two visitors may share one. The older rule keeps the oldest event's
    // key and marks the others' with a character no client key can contain (so nothing collides).
    this.addSql(
      'update "cookie_consent_event" e set "idempotency_key" = \'dup:\' || e.id::text where exists (select 1 from "cookie_consent_event" o' +
        ' where o.site_id = e.site_id and o.idempotency_key = e.idempotency_key and o.id < e.id);',
    );
    this.addSql('alter table "cookie_consent_event" add constraint "cookie_consent_event_site_id_idempotency_key_unique" unique ("site_id", "idempotency_key");');
    this.addSql('create index "cookie_consent_event_visitor_index_occurred_at_index" on "cookie_consent_event" ("visitor_index", "occurred_at");');
    this.addSql('alter table "cookie_consent_event" drop constraint "cookie_consent_event_visitor_site_key_unique";');
  }
}
