import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: signed checkpoints are append-only too. */
export class Migration20261204160001 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "ledger_checkpoint_refuse_change"() returns trigger language plpgsql as $$ begin raise exception 'ledger checkpoints are append-only'; end $$;`);
    this.addSql(
      `create trigger "ledger_checkpoint_no_update_delete" before update or delete on "ledger_checkpoint" for each row execute function "ledger_checkpoint_refuse_change"();`,
    );
    this.addSql(`create trigger "ledger_checkpoint_no_truncate" before truncate on "ledger_checkpoint" for each statement execute function "ledger_checkpoint_refuse_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists "ledger_checkpoint_no_truncate" on "ledger_checkpoint";');
    this.addSql('drop trigger if exists "ledger_checkpoint_no_update_delete" on "ledger_checkpoint";');
    this.addSql('drop function if exists "ledger_checkpoint_refuse_change"();');
  }
}
