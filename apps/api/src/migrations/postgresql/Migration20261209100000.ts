import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the provider state table, v2 tree head columns, and the tree rebuilt with the state. */
export class Migration20261209100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "ledger_provider_state" ("provider_id" uuid not null, "entry_count" int not null, "chain_hash" varchar(64) not null, "last_sequence" int not null, constraint "ledger_provider_state_pkey" primary key ("provider_id"));`);
    this.addSql(`alter table "ledger_tree_head" add column "version" int not null default 1, add column "provider_map_size" int null, add column "provider_map_root" varchar(64) null;`);
    this.addSql(`truncate table "ledger_tree_node";`);
    this.addSql(`update "ledger_head" set "tree_size" = 0, "tree_sequence" = 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ledger_tree_head" drop column "version", drop column "provider_map_size", drop column "provider_map_root";`);
    this.addSql(`drop table if exists "ledger_provider_state" cascade;`);
  }
}
