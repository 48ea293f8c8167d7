import { Migration } from '@mikro-orm/migrations';

/**
 * Policy versions as drafts (optimistic lock, proposed purposes, purpose changes recorded on
 * publishing), the organisation's version, and inquiries with their replies (clause 8). The
 * trigger makes the database itself refuse changes to a published policy version.
 */
export class Migration20261124224621 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inquiry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reference" varchar(20) not null, "channel" text check ("channel" in ('WEB_FORM', 'POST', 'TELEPHONE', 'FAX', 'EMAIL')) not null, "status" text check ("status" in ('NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED')) not null default 'NEW', "received_at" timestamptz not null, "sealed_content" text not null, "assignee_id" uuid null, "provider_id" uuid null, "recorded_by_id" uuid null, "version" int not null default 1, constraint "inquiry_pkey" primary key ("id"));`);
    this.addSql(`alter table "inquiry" add constraint "inquiry_reference_unique" unique ("reference");`);
    this.addSql(`create index "inquiry_provider_id_id_index" on "inquiry" ("provider_id", "id");`);
    this.addSql(`create index "inquiry_assignee_id_id_index" on "inquiry" ("assignee_id", "id");`);
    this.addSql(`create index "inquiry_status_id_index" on "inquiry" ("status", "id");`);

    this.addSql(`create table "inquiry_reply" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "inquiry_id" uuid not null, "kind" text check ("kind" in ('NOTE', 'ANSWER')) not null, "channel" text check ("channel" in ('WEB_FORM', 'POST', 'TELEPHONE', 'FAX', 'EMAIL')) null, "at" timestamptz not null, "sealed_body" text not null, "author_id" uuid not null, "author_name" varchar(120) not null, constraint "inquiry_reply_pkey" primary key ("id"));`);
    this.addSql(`create index "inquiry_reply_inquiry_id_at_index" on "inquiry_reply" ("inquiry_id", "at");`);

    this.addSql(`alter table "inquiry" add constraint "inquiry_assignee_id_foreign" foreign key ("assignee_id") references "admin_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inquiry" add constraint "inquiry_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inquiry" add constraint "inquiry_recorded_by_id_foreign" foreign key ("recorded_by_id") references "admin_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "inquiry_reply" add constraint "inquiry_reply_inquiry_id_foreign" foreign key ("inquiry_id") references "inquiry" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inquiry_reply" add constraint "inquiry_reply_author_id_foreign" foreign key ("author_id") references "admin_user" ("id") on update cascade;`);

    this.addSql(`alter table "organisation" add column "version" int not null default 1;`);

    this.addSql(`alter table "policy_version" add column "purposes" jsonb null, add column "purpose_changes" jsonb null, add column "version" int not null default 1;`);

    this.addSql(`create function "policy_version_refuse_change"() returns trigger language plpgsql as $$ begin raise exception 'published policy versions are immutable'; end $$;`);
    this.addSql(`create trigger "policy_version_published_immutable" before update or delete on "policy_version" for each row when (old."status" = 'PUBLISHED') execute function "policy_version_refuse_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "policy_version_published_immutable" on "policy_version";`);
    this.addSql(`drop function if exists "policy_version_refuse_change"();`);
    this.addSql(`alter table "inquiry_reply" drop constraint "inquiry_reply_inquiry_id_foreign";`);

    this.addSql(`drop table if exists "inquiry" cascade;`);

    this.addSql(`drop table if exists "inquiry_reply" cascade;`);

    this.addSql(`alter table "organisation" drop column "version";`);

    this.addSql(`alter table "policy_version" drop column "purposes", drop column "purpose_changes", drop column "version";`);
  }

}
