import { Migration } from '@mikro-orm/migrations';

/** The append-only ledger (hash chain, head, signed checkpoints). The triggers make the database itself refuse changes to entries. */
export class Migration20261124213711 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "ledger_checkpoint" ("sequence" int not null, "hash" varchar(64) not null, "signed_at" timestamptz not null, "key_id" varchar(32) not null, "signature" text not null, constraint "ledger_checkpoint_pkey" primary key ("sequence"));`);

    this.addSql(`create table "ledger_entry" ("sequence" int not null, "id" uuid not null, "recorded_at" timestamptz not null, "kind" varchar(32) not null, "actor" varchar(80) not null, "provider_id" uuid null, "purpose_key" varchar(64) null, "recipient_id" uuid null, "categories" jsonb not null, "outcome" varchar(16) not null, "basis" jsonb null, "policy_version" int not null, "subject_ref" varchar(64) null, "payload_hash" varchar(64) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "ledger_entry_pkey" primary key ("sequence"));`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_id_unique" unique ("id");`);
    this.addSql(`create index "ledger_entry_kind_sequence_index" on "ledger_entry" ("kind", "sequence");`);
    this.addSql(`create index "ledger_entry_provider_id_sequence_index" on "ledger_entry" ("provider_id", "sequence");`);

    this.addSql(`create table "ledger_head" ("id" int not null, "sequence" int not null, "hash" varchar(64) not null, constraint "ledger_head_pkey" primary key ("id"));`);
    this.addSql(`insert into "ledger_head" ("id", "sequence", "hash") values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');`);
    this.addSql(`create function "ledger_entry_refuse_change"() returns trigger language plpgsql as $$ begin raise exception 'ledger entries are append-only'; end $$;`);
    this.addSql(`create trigger "ledger_entry_no_update_delete" before update or delete on "ledger_entry" for each row execute function "ledger_entry_refuse_change"();`);
    this.addSql(`create trigger "ledger_entry_no_truncate" before truncate on "ledger_entry" for each statement execute function "ledger_entry_refuse_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "ledger_entry_refuse_change"() cascade;`);
    this.addSql(`drop table if exists "ledger_checkpoint" cascade;`);

    this.addSql(`drop table if exists "ledger_entry" cascade;`);

    this.addSql(`drop table if exists "ledger_head" cascade;`);
  }

}
