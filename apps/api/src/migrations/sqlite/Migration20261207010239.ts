import { Migration } from '@mikro-orm/migrations';

/**
 * Staff accounts an organisation can trust (issue 14): invitations (one-time links, only the token's
 * hash), one-time recovery codes for the second factor (keyed hashes), and on each account a forced
 * password change, deactivation time and a sealed TOTP secret; the organisation's MFA requirement.
 */
export class Migration20261207010239 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`recovery_code\` (\`id\` text not null, \`user_id\` text not null, \`code_hash\` text not null, \`created_at\` datetime not null, \`used_at\` datetime null, constraint \`recovery_code_user_id_foreign\` foreign key(\`user_id\`) references \`admin_user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`recovery_code_user_id_index\` on \`recovery_code\` (\`user_id\`);`);
    this.addSql(`create index \`recovery_code_user_id_code_hash_index\` on \`recovery_code\` (\`user_id\`, \`code_hash\`);`);
    this.addSql(`create table \`staff_invitation\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`email\` text not null, \`display_name\` text not null, \`role\` text check (\`role\` in ('OWNER', 'PRIVACY_OFFICER', 'VIEWER')) not null, \`token_hash\` text not null, \`expires_at\` datetime not null, \`invited_by_id\` text not null, \`accepted_at\` datetime null, \`revoked_at\` datetime null, constraint \`staff_invitation_invited_by_id_foreign\` foreign key(\`invited_by_id\`) references \`admin_user\`(\`id\`) on delete cascade on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`staff_invitation_token_hash_unique\` on \`staff_invitation\` (\`token_hash\`);`);
    this.addSql(`create index \`staff_invitation_invited_by_id_index\` on \`staff_invitation\` (\`invited_by_id\`);`);
    this.addSql(`create index \`staff_invitation_email_index\` on \`staff_invitation\` (\`email\`);`);
    this.addSql(`alter table \`admin_user\` add column \`must_change_password\` integer not null default false;`);
    this.addSql(`alter table \`admin_user\` add column \`password_changed_at\` datetime null;`);
    this.addSql(`alter table \`admin_user\` add column \`deactivated_at\` datetime null;`);
    this.addSql(`alter table \`admin_user\` add column \`totp_secret_sealed\` text null;`);
    this.addSql(`alter table \`admin_user\` add column \`totp_pending_sealed\` text null;`);
    this.addSql(`alter table \`admin_user\` add column \`totp_enabled_at\` datetime null;`);
    this.addSql(`alter table \`admin_user\` add column \`totp_last_step\` integer null;`);
    this.addSql(`alter table \`organisation\` add column \`require_mfa\` integer not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`recovery_code\`;`);
    this.addSql(`drop table if exists \`staff_invitation\`;`);
    this.addSql(`alter table \`admin_user\` drop column \`must_change_password\`;`);
    this.addSql(`alter table \`admin_user\` drop column \`password_changed_at\`;`);
    this.addSql(`alter table \`admin_user\` drop column \`deactivated_at\`;`);
    this.addSql(`alter table \`admin_user\` drop column \`totp_secret_sealed\`;`);
    this.addSql(`alter table \`admin_user\` drop column \`totp_pending_sealed\`;`);
    this.addSql(`alter table \`admin_user\` drop column \`totp_enabled_at\`;`);
    this.addSql(`alter table \`admin_user\` drop column \`totp_last_step\`;`);
    this.addSql(`alter table \`organisation\` drop column \`require_mfa\`;`);
  }
}
