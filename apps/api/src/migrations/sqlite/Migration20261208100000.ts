import { Migration } from '@mikro-orm/migrations';

/**
 * The ledger's Merkle tree (issue 19): its complete subtrees (`ledger_tree_node`, a leaf carrying its
 * entry's sequence), its signed heads (`ledger_tree_head`) and how far it reaches on the head row.
 * An existing ledger starts with an empty tree that lags it: the LEDGER_TREE_BUILD job, enqueued at
 * start, builds it in batches — never this migration, which would hold the database for the whole walk.
 */
export class Migration20261208100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`ledger_tree_head\` (\`tree_size\` integer not null, \`root_hash\` text not null, \`signed_at\` datetime not null, \`key_id\` text not null, \`signature\` text not null, primary key (\`tree_size\`));`);
    this.addSql(`create table \`ledger_tree_node\` (\`level\` integer not null, \`idx\` integer not null, \`hash\` text not null, \`sequence\` integer null, primary key (\`level\`, \`idx\`));`);
    this.addSql(`create unique index \`ledger_tree_node_sequence_unique\` on \`ledger_tree_node\` (\`sequence\`);`);
    this.addSql(`alter table \`ledger_head\` add column \`tree_size\` integer not null default 0;`);
    this.addSql(`alter table \`ledger_head\` add column \`tree_sequence\` integer not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`ledger_head\` drop column \`tree_sequence\`;`);
    this.addSql(`alter table \`ledger_head\` drop column \`tree_size\`;`);
    this.addSql(`drop table if exists \`ledger_tree_node\`;`);
    this.addSql(`drop table if exists \`ledger_tree_head\`;`);
  }
}
