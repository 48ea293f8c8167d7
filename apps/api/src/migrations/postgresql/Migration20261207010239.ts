import { Migration } from '@mikro-orm/migrations';

/**
 * Staff accounts an organisation can trust (issue 14): invitations (one-time links, only the token's
 * hash), one-time recovery codes for the second factor (keyed hashes), and on each account a forced
 * password change, deactivation time and a sealed TOTP secret; the organisation's MFA requirement.
 */
export class Migration20261207010239 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "recovery_code" ("id" uuid not null, "user_id" uuid not null, "code_hash" varchar(64) not null, "created_at" timestamptz not null, "used_at" timestamptz null, constraint "recovery_code_pkey" primary key ("id"));`);
    this.addSql(`create index "recovery_code_user_id_code_hash_index" on "recovery_code" ("user_id", "code_hash");`);

    this.addSql(`create table "staff_invitation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(254) not null, "display_name" varchar(120) not null, "role" text check ("role" in ('OWNER', 'PRIVACY_OFFICER', 'VIEWER')) not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "invited_by_id" uuid not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, constraint "staff_invitation_pkey" primary key ("id"));`);
    this.addSql(`alter table "staff_invitation" add constraint "staff_invitation_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "staff_invitation_email_index" on "staff_invitation" ("email");`);

    this.addSql(`alter table "recovery_code" add constraint "recovery_code_user_id_foreign" foreign key ("user_id") references "admin_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "staff_invitation" add constraint "staff_invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "admin_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "admin_user" add column "must_change_password" boolean not null default false, add column "password_changed_at" timestamptz null, add column "deactivated_at" timestamptz null, add column "totp_secret_sealed" text null, add column "totp_pending_sealed" text null, add column "totp_enabled_at" timestamptz null, add column "totp_last_step" int null;`);

    this.addSql(`alter table "organisation" add column "require_mfa" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "recovery_code" cascade;`);

    this.addSql(`drop table if exists "staff_invitation" cascade;`);

    this.addSql(`alter table "admin_user" drop column "must_change_password", drop column "password_changed_at", drop column "deactivated_at", drop column "totp_secret_sealed", drop column "totp_pending_sealed", drop column "totp_enabled_at", drop column "totp_last_step";`);

    this.addSql(`alter table "organisation" drop column "require_mfa";`);
  }

}
