import { Migration } from '@mikro-orm/migrations';

/**
 * Policy versions as drafts (optimistic lock, proposed purposes, purpose changes recorded on
 * publishing), the organisation's version, and inquiries with their replies (clause 8). The
 * triggers make the database itself refuse changes to a published policy version.
 */
export class Migration20261124224621 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`inquiry\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`reference\` text not null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'POST', 'TELEPHONE', 'FAX', 'EMAIL')) not null, \`status\` text check (\`status\` in ('NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED')) not null default 'NEW', \`received_at\` datetime not null, \`sealed_content\` text not null, \`assignee_id\` text null, \`provider_id\` text null, \`recorded_by_id\` text null, \`version\` integer not null default 1, constraint \`inquiry_assignee_id_foreign\` foreign key(\`assignee_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, constraint \`inquiry_provider_id_foreign\` foreign key(\`provider_id\`) references \`provider\`(\`id\`) on delete set null on update cascade, constraint \`inquiry_recorded_by_id_foreign\` foreign key(\`recorded_by_id\`) references \`admin_user\`(\`id\`) on delete set null on update cascade, primary key (\`id\`));`);
    this.addSql(`create unique index \`inquiry_reference_unique\` on \`inquiry\` (\`reference\`);`);
    this.addSql(`create index \`inquiry_assignee_id_index\` on \`inquiry\` (\`assignee_id\`);`);
    this.addSql(`create index \`inquiry_provider_id_index\` on \`inquiry\` (\`provider_id\`);`);
    this.addSql(`create index \`inquiry_recorded_by_id_index\` on \`inquiry\` (\`recorded_by_id\`);`);
    this.addSql(`create index \`inquiry_provider_id_id_index\` on \`inquiry\` (\`provider_id\`, \`id\`);`);
    this.addSql(`create index \`inquiry_assignee_id_id_index\` on \`inquiry\` (\`assignee_id\`, \`id\`);`);
    this.addSql(`create index \`inquiry_status_id_index\` on \`inquiry\` (\`status\`, \`id\`);`);
    this.addSql(`create table \`inquiry_reply\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`inquiry_id\` text not null, \`kind\` text check (\`kind\` in ('NOTE', 'ANSWER')) not null, \`channel\` text check (\`channel\` in ('WEB_FORM', 'POST', 'TELEPHONE', 'FAX', 'EMAIL')) null, \`at\` datetime not null, \`sealed_body\` text not null, \`author_id\` text not null, \`author_name\` text not null, constraint \`inquiry_reply_inquiry_id_foreign\` foreign key(\`inquiry_id\`) references \`inquiry\`(\`id\`) on delete cascade on update cascade, constraint \`inquiry_reply_author_id_foreign\` foreign key(\`author_id\`) references \`admin_user\`(\`id\`) on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`inquiry_reply_inquiry_id_index\` on \`inquiry_reply\` (\`inquiry_id\`);`);
    this.addSql(`create index \`inquiry_reply_author_id_index\` on \`inquiry_reply\` (\`author_id\`);`);
    this.addSql(`create index \`inquiry_reply_inquiry_id_at_index\` on \`inquiry_reply\` (\`inquiry_id\`, \`at\`);`);
    this.addSql(`alter table \`policy_version\` add column \`purposes\` json null;`);
    this.addSql(`alter table \`policy_version\` add column \`purpose_changes\` json null;`);
    this.addSql(`alter table \`policy_version\` add column \`version\` integer not null default 1;`);
    this.addSql(`alter table \`organisation\` add column \`version\` integer not null default 1;`);
    this.addSql(`create trigger \`policy_version_published_no_update\` before update on \`policy_version\` when old.\`status\` = 'PUBLISHED' begin select raise(abort, 'published policy versions are immutable'); end;`);
    this.addSql(`create trigger \`policy_version_published_no_delete\` before delete on \`policy_version\` when old.\`status\` = 'PUBLISHED' begin select raise(abort, 'published policy versions are immutable'); end;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists \`policy_version_published_no_update\`;`);
    this.addSql(`drop trigger if exists \`policy_version_published_no_delete\`;`);
    this.addSql(`drop table if exists \`inquiry_reply\`;`);
    this.addSql(`drop table if exists \`inquiry\`;`);
  }

}
