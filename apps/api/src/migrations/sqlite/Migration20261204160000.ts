import { Migration } from '@mikro-orm/migrations';

/** Signed checkpoints are append-only too: deleting one would otherwise let a re-chained ledger verify. */
export class Migration20261204160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create trigger \`ledger_checkpoint_no_update\` before update on \`ledger_checkpoint\` begin select raise(abort, 'ledger checkpoints are append-only'); end;`);
    this.addSql(`create trigger \`ledger_checkpoint_no_delete\` before delete on \`ledger_checkpoint\` begin select raise(abort, 'ledger checkpoints are append-only'); end;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists `ledger_checkpoint_no_update`;');
    this.addSql('drop trigger if exists `ledger_checkpoint_no_delete`;');
  }
}
