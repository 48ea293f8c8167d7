import { Migration } from '@mikro-orm/migrations';

/**
 * One random-keyed index on the consent events instead of three: the unique (visitor, site,
 * idempotency key) replaces the unique (site, idempotency key) and the (visitor, time) index, and
 * the current-state table goes (a visitor's current choice is their newest event on the site). With
 * a million events each random-keyed index cost every write a page of its own (bench/README.md).
 */
export class Migration20261125030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create unique index `cookie_consent_event_visitor_site_key_unique` on `cookie_consent_event` (`visitor_index`, `site_id`, `idempotency_key`);');
    this.addSql('drop index if exists `cookie_consent_event_site_id_idempotency_key_unique`;');
    this.addSql('drop index if exists `cookie_consent_event_visitor_index_occurred_at_index`;');
    this.addSql('drop table if exists `cookie_consent_state`;');
  }

  override async down(): Promise<void> {
    this.addSql(
      "create table `cookie_consent_state` (`site_id` text not null, `visitor_index` text not null, `event_id` text not null, `action` text check (`action` in ('CHOOSE', 'WITHDRAW')) not null," +
        ' `functional` integer not null, `analytics` integer not null, `marketing` integer not null, `gpc` integer not null, `policy_version` integer not null, `recorded_at` datetime not null,' +
        ' constraint `cookie_consent_state_site_id_foreign` foreign key(`site_id`) references `cookie_site`(`id`) on delete cascade on update cascade, primary key (`site_id`, `visitor_index`));',
    );
    // The state is derived: each visitor's newest event per site.
    this.addSql(
      'insert into `cookie_consent_state` select e.site_id, e.visitor_index, e.id, e.action, e.functional, e.analytics, e.marketing, e.gpc, e.policy_version, e.occurred_at' +
        ' from `cookie_consent_event` e where not exists (select 1 from `cookie_consent_event` n where n.visitor_index = e.visitor_index and n.site_id = e.site_id' +
        ' and (n.occurred_at > e.occurred_at or (n.occurred_at = e.occurred_at and n.id > e.id)));',
    );
    // Keys are per visitor now: two visitors may share one. The older rule keeps the oldest event's
    // key and marks the others' with a character no client key can contain (so nothing collides).
    this.addSql(
      "update `cookie_consent_event` set `idempotency_key` = 'dup:' || `id` where exists (select 1 from `cookie_consent_event` o" +
        ' where o.site_id = `cookie_consent_event`.site_id and o.idempotency_key = `cookie_consent_event`.idempotency_key and o.id < `cookie_consent_event`.id);',
    );
    this.addSql('create unique index `cookie_consent_event_site_id_idempotency_key_unique` on `cookie_consent_event` (`site_id`, `idempotency_key`);');
    this.addSql('create index `cookie_consent_event_visitor_index_occurred_at_index` on `cookie_consent_event` (`visitor_index`, `occurred_at`);');
    this.addSql('drop index if exists `cookie_consent_event_visitor_site_key_unique`;');
  }
}
