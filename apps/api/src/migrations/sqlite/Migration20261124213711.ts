import { Migration } from '@mikro-orm/migrations';

/** The append-only ledger (hash chain, head, signed checkpoints). The triggers make the database itself refuse changes to entries. */
export class Migration20261124213711 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`ledger_checkpoint\` (\`sequence\` integer not null, \`hash\` text not null, \`signed_at\` datetime not null, \`key_id\` text not null, \`signature\` text not null, primary key (\`sequence\`));`);
    this.addSql(`create table \`ledger_entry\` (\`sequence\` integer not null, \`id\` text not null, \`recorded_at\` datetime not null, \`kind\` text not null, \`actor\` text not null, \`provider_id\` text null, \`purpose_key\` text null, \`recipient_id\` text null, \`categories\` json not null, \`outcome\` text not null, \`basis\` json null, \`policy_version\` integer not null, \`subject_ref\` text null, \`payload_hash\` text not null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`sequence\`));`);
    this.addSql(`create unique index \`ledger_entry_id_unique\` on \`ledger_entry\` (\`id\`);`);
    this.addSql(`create index \`ledger_entry_kind_sequence_index\` on \`ledger_entry\` (\`kind\`, \`sequence\`);`);
    this.addSql(`create index \`ledger_entry_provider_id_sequence_index\` on \`ledger_entry\` (\`provider_id\`, \`sequence\`);`);
    this.addSql(`create table \`ledger_head\` (\`id\` integer not null, \`sequence\` integer not null, \`hash\` text not null, primary key (\`id\`));`);
    this.addSql(`insert into \`ledger_head\` (\`id\`, \`sequence\`, \`hash\`) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');`);
    this.addSql(`create trigger \`ledger_entry_no_update\` before update on \`ledger_entry\` begin select raise(abort, 'ledger entries are append-only'); end;`);
    this.addSql(`create trigger \`ledger_entry_no_delete\` before delete on \`ledger_entry\` begin select raise(abort, 'ledger entries are append-only'); end;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`ledger_checkpoint\`;`);
    this.addSql(`drop table if exists \`ledger_entry\`;`);
    this.addSql(`drop table if exists \`ledger_head\`;`);
  }

}
