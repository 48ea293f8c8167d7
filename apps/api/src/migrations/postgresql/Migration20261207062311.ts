import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: the secretariat's Japanese name, address and office hours, change summaries per language, purposes' Japanese descriptions. */
export class Migration20261207062311 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "organisation" add column "secretariat_name_ja" varchar(200) not null default '', add column "postal_address_ja" text not null default '', add column "office_hours_en" text not null default '', add column "office_hours_ja" text not null default '';`,
    );
    this.addSql(
      `alter table "policy_version" add column "change_summary_ja" text null, add column "change_summary_en" text null;`,
    );
    this.addSql(`alter table "purpose" add column "description_ja" text not null default '';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "purpose" drop column "description_ja";`);
    this.addSql(`alter table "policy_version" drop column "change_summary_ja", drop column "change_summary_en";`);
    this.addSql(
      `alter table "organisation" drop column "secretariat_name_ja", drop column "postal_address_ja", drop column "office_hours_en", drop column "office_hours_ja";`,
    );
  }
}
