import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the audit log's filter indexes (actor, id) and (action, id). */
export class Migration20261207180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "audit_entry_actor_id_id_index" on "audit_entry" ("actor_id", "id");`);
    this.addSql(`create index "audit_entry_action_id_index" on "audit_entry" ("action", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "audit_entry_action_id_index";`);
    this.addSql(`drop index if exists "audit_entry_actor_id_id_index";`);
  }
}
