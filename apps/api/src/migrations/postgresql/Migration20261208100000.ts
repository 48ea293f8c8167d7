import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the ledger's Merkle tree nodes, signed tree heads and the tree's reach on the head row. */
export class Migration20261208100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ledger_tree_head" ("tree_size" int not null, "root_hash" varchar(64) not null, "signed_at" timestamptz not null, "key_id" varchar(32) not null, "signature" text not null, constraint "ledger_tree_head_pkey" primary key ("tree_size"));`);
    this.addSql(`create table "ledger_tree_node" ("level" int not null, "idx" int not null, "hash" varchar(64) not null, "sequence" int null, constraint "ledger_tree_node_pkey" primary key ("level", "idx"));`);
    this.addSql(`alter table "ledger_tree_node" add constraint "ledger_tree_node_sequence_unique" unique ("sequence");`);
    this.addSql(`alter table "ledger_head" add column "tree_size" int not null default 0, add column "tree_sequence" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ledger_head" drop column "tree_size", drop column "tree_sequence";`);
    this.addSql(`drop table if exists "ledger_tree_node" cascade;`);
    this.addSql(`drop table if exists "ledger_tree_head" cascade;`);
  }
}
