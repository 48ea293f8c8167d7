import { Migration } from '@mikro-orm/migrations';

/** Recipients, their partner credentials (hashed keys) and permitted exceptions (issue #3). Only the new tables: the generated re-creation of existing tables (CHECK-constraint diff quirk) is removed. */
export class Migration20261124214436 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`recipient\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text not null, \`kind\` text check (\`kind\` in ('CONTRACTOR', 'THIRD_PARTY', 'AUTHORITY')) not null, \`contact\` text null, \`notes\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`recipient_name_unique\` on \`recipient\` (\`name\`);`);

    this.addSql(`create table \`permitted_exception\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`kind\` text check (\`kind\` in ('LAW', 'PROVIDER_AGREEMENT', 'OUTSOURCING', 'BOARD_APPROVAL')) not null, \`title\` text not null, \`evidence\` json not null, \`purpose_keys\` json not null, \`categories\` json not null, \`provider_ids\` json not null, \`all_providers\` integer not null default false, \`recipient_id\` text null, \`valid_from\` datetime not null, \`valid_until\` datetime null, \`status\` text check (\`status\` in ('DRAFT', 'ACTIVE', 'REVOKED', 'EXPIRED')) not null, \`authored_by_id\` text not null, \`approved_by_id\` text null, \`approved_at\` datetime null, \`revoked_by_id\` text null, \`revoked_at\` datetime null, \`revocation_reason\` text null, \`version\` integer not null default 1, constraint \`permitted_exception_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`recipient\`(\`id\`) on delete restrict on update cascade, constraint \`permitted_exception_authored_by_id_foreign\` foreign key(\`authored_by_id\`) references \`admin_user\`(\`id\`) on delete restrict on update cascade, constraint \`permitted_exception_approved_by_id_foreign\` foreign key(\`approved_by_id\`) references \`admin_user\`(\`id\`) on delete restrict on update cascade, constraint \`permitted_exception_revoked_by_id_foreign\` foreign key(\`revoked_by_id\`) references \`admin_user\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`permitted_exception_recipient_id_index\` on \`permitted_exception\` (\`recipient_id\`);`);
    this.addSql(`create index \`permitted_exception_authored_by_id_index\` on \`permitted_exception\` (\`authored_by_id\`);`);
    this.addSql(`create index \`permitted_exception_approved_by_id_index\` on \`permitted_exception\` (\`approved_by_id\`);`);
    this.addSql(`create index \`permitted_exception_revoked_by_id_index\` on \`permitted_exception\` (\`revoked_by_id\`);`);
    this.addSql(`create index \`permitted_exception_recipient_id_status_index\` on \`permitted_exception\` (\`recipient_id\`, \`status\`);`);
    this.addSql(`create index \`permitted_exception_kind_id_index\` on \`permitted_exception\` (\`kind\`, \`id\`);`);

    this.addSql(`create table \`partner_credential\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`recipient_id\` text not null, \`label\` text not null, \`key_id\` text not null, \`secret_hash\` text not null, \`created_by_id\` text not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, constraint \`partner_credential_recipient_id_foreign\` foreign key(\`recipient_id\`) references \`recipient\`(\`id\`) on delete cascade on update cascade, constraint \`partner_credential_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`admin_user\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`partner_credential_recipient_id_index\` on \`partner_credential\` (\`recipient_id\`);`);
    this.addSql(`create unique index \`partner_credential_key_id_unique\` on \`partner_credential\` (\`key_id\`);`);
    this.addSql(`create index \`partner_credential_created_by_id_index\` on \`partner_credential\` (\`created_by_id\`);`);
    this.addSql(`create index \`partner_credential_recipient_id_created_at_index\` on \`partner_credential\` (\`recipient_id\`, \`created_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`permitted_exception\`;`);
    this.addSql(`drop table if exists \`partner_credential\`;`);
    this.addSql(`drop table if exists \`recipient\`;`);
  }

}
