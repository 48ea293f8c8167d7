import { Migration } from '@mikro-orm/migrations';

/**
 * Time indexes for the partner change feed (issue 20): a key whose exception covers every provider
 * reads consents, cessations, amendments and new providers by time alone.
 */
export class Migration20261209120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index "provider_created_at_index" on "provider" ("created_at");');
    this.addSql('create index "consent_event_occurred_at_index" on "consent_event" ("occurred_at");');
    this.addSql('create index "provider_cessation_since_index" on "provider_cessation" ("since");');
    this.addSql('create index "data_item_change_changed_at_index" on "data_item_change" ("changed_at");');
  }

  override async down(): Promise<void> {
    this.addSql('drop index "provider_created_at_index";');
    this.addSql('drop index "consent_event_occurred_at_index";');
    this.addSql('drop index "provider_cessation_since_index";');
    this.addSql('drop index "data_item_change_changed_at_index";');
  }
}
