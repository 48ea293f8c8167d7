import { Migration } from '@mikro-orm/migrations';

/** The site's own indexes on the consent tables: every other index there already leads with site_id. */
export class Migration20261125011851 extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists `cookie_consent_state_site_id_index`;');
    this.addSql('drop index if exists `cookie_consent_event_site_id_index`;');
  }

  override async down(): Promise<void> {
    this.addSql('create index `cookie_consent_event_site_id_index` on `cookie_consent_event` (`site_id`);');
    this.addSql('create index `cookie_consent_state_site_id_index` on `cookie_consent_state` (`site_id`);');
  }
}
