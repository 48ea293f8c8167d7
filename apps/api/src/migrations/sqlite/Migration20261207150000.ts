import { Migration } from '@mikro-orm/migrations';

/**
 * The files CSV exports make (exports/export-file.entity.ts): the list, who asked, the file's name,
 * its content sealed with the field key, how many rows and which providers it names (for the
 * download's audit entry), and when it expires; `expires_at` is the purge's index.
 */
export class Migration20261207150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`export_file\` (\`id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`list\` text not null, \`created_by_id\` text not null, \`file_name\` text not null, \`content_sealed\` text not null, \`row_count\` integer not null, \`provider_ids\` text not null, \`expires_at\` datetime not null, constraint \`export_file_created_by_id_foreign\` foreign key(\`created_by_id\`) references \`admin_user\`(\`id\`) on delete restrict on update cascade, primary key (\`id\`));`);
    this.addSql(`create index \`export_file_created_by_id_index\` on \`export_file\` (\`created_by_id\`);`);
    this.addSql(`create index \`export_file_expires_at_index\` on \`export_file\` (\`expires_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`export_file\`;`);
  }
}
