import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log's filters (issue 17): a staff member's or one action's entries, newest first, are an index
 * range walked in id order (ids are UUIDv7: time order) instead of a scan of the whole log.
 */
export class Migration20261207180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index \`audit_entry_actor_id_id_index\` on \`audit_entry\` (\`actor_id\`, \`id\`);`);
    this.addSql(`create index \`audit_entry_action_id_index\` on \`audit_entry\` (\`action\`, \`id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists \`audit_entry_action_id_index\`;`);
    this.addSql(`drop index if exists \`audit_entry_actor_id_id_index\`;`);
  }
}
