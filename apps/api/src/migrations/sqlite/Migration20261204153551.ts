import { Migration } from '@mikro-orm/migrations';

/** Internal systems' keys (`sys_…`): only the SHA-256 of the secret is stored. */
export class Migration20261204153551 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`system_credential\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`system_name\` text not null, \`label\` text not null, \`key_id\` text not null, \`secret_hash\` text not null, \`created_by_id\` text not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, constraint \`system_credential_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`admin_user\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`system_credential_key_id_unique\` on \`system_credential\` (\`key_id\`);`);
    this.addSql(`create index \`system_credential_created_by_id_index\` on \`system_credential\` (\`created_by_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`system_credential\`;`);
  }

}
