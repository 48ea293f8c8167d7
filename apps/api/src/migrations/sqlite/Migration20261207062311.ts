import { Migration } from '@mikro-orm/migrations';

/**
 * Bilingual texts people read (issue 16): the secretariat's Japanese name and postal address and its
 * office hours in both languages (empty until an owner writes them: readers see the other language);
 * a policy version's change summary per language (null on existing rows, whose one-language
 * `change_summary` is read by language detection — published rows are not touched, and the triggers
 * stay); a purpose's Japanese description (empty until written).
 */
export class Migration20261207062311 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`organisation\` add column \`secretariat_name_ja\` text not null default '';`);
    this.addSql(`alter table \`organisation\` add column \`postal_address_ja\` text not null default '';`);
    this.addSql(`alter table \`organisation\` add column \`office_hours_en\` text not null default '';`);
    this.addSql(`alter table \`organisation\` add column \`office_hours_ja\` text not null default '';`);
    this.addSql(`alter table \`policy_version\` add column \`change_summary_ja\` text null;`);
    this.addSql(`alter table \`policy_version\` add column \`change_summary_en\` text null;`);
    this.addSql(`alter table \`purpose\` add column \`description_ja\` text not null default '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`purpose\` drop column \`description_ja\`;`);
    this.addSql(`alter table \`policy_version\` drop column \`change_summary_en\`;`);
    this.addSql(`alter table \`policy_version\` drop column \`change_summary_ja\`;`);
    this.addSql(`alter table \`organisation\` drop column \`office_hours_ja\`;`);
    this.addSql(`alter table \`organisation\` drop column \`office_hours_en\`;`);
    this.addSql(`alter table \`organisation\` drop column \`postal_address_ja\`;`);
    this.addSql(`alter table \`organisation\` drop column \`secretariat_name_ja\`;`);
  }
}
