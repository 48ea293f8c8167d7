import { Migration } from '@mikro-orm/migrations';

/** Ledger explorer: filtering entries by recipient, newest first. */
export class Migration20261124220252 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index \`ledger_entry_recipient_id_sequence_index\` on \`ledger_entry\` (\`recipient_id\`, \`sequence\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index \`ledger_entry_recipient_id_sequence_index\`;`);
  }

}
