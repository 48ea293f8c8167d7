import { Migration } from '@mikro-orm/migrations';

/**
 * A restore's own signed statement (ledger/ledger-hash.ts restoreStatement): the RESTORE entry's
 * checkpoint carries it in `restore_signature`, and verification accepts a gap only with it. Null on
 * every other checkpoint. The append-only triggers stay as they are (inserts only).
 */
export class Migration20261207050000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`ledger_checkpoint\` add column \`restore_signature\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`ledger_checkpoint\` drop column \`restore_signature\`;`);
  }
}
