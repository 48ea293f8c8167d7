import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: a restore's own signed statement on its checkpoint. */
export class Migration20261207050000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "ledger_checkpoint" add column "restore_signature" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ledger_checkpoint" drop column "restore_signature";`);
  }

}
