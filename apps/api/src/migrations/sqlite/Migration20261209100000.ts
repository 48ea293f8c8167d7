import { Migration } from '@mikro-orm/migrations';

/**
 * The provider map (issue 19): `ledger_provider_state` (per provider: entries naming them, the chain
 * over their hashes, the last one), kept as of the Merkle tree's reach, and v2 tree heads that sign
 * the map's size and root (`version`, `provider_map_size`, `provider_map_root` on `ledger_tree_head`;
 * existing heads are v1). The state must be exactly that of the tree's leaves, so a tree built before
 * this migration is started again: its nodes go and its reach drops to 0, and the LEDGER_TREE_BUILD
 * job (enqueued at start) rebuilds it with the state, batch by batch. The signed heads stay: the
 * rebuilt tree has the same roots.
 */
export class Migration20261209100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`ledger_provider_state\` (\`provider_id\` text not null, \`entry_count\` integer not null, \`chain_hash\` text not null, \`last_sequence\` integer not null, primary key (\`provider_id\`));`);
    this.addSql(`alter table \`ledger_tree_head\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`ledger_tree_head\` add column \`provider_map_size\` integer null;`);
    this.addSql(`alter table \`ledger_tree_head\` add column \`provider_map_root\` text null;`);
    this.addSql(`delete from \`ledger_tree_node\`;`);
    this.addSql(`update \`ledger_head\` set \`tree_size\` = 0, \`tree_sequence\` = 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`ledger_tree_head\` drop column \`provider_map_root\`;`);
    this.addSql(`alter table \`ledger_tree_head\` drop column \`provider_map_size\`;`);
    this.addSql(`alter table \`ledger_tree_head\` drop column \`version\`;`);
    this.addSql(`drop table if exists \`ledger_provider_state\`;`);
  }
}
