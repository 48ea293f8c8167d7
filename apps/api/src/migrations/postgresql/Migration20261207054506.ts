import { Migration } from '@mikro-orm/migrations';

const DEFAULT_CLOSED_DAYS = `'["12-29","12-30","12-31","01-01","01-02","01-03"]'`;

/**
 * As the SQLite migration of the same name: the fixed UTC offset becomes an IANA time zone (540 →
 * Asia/Tokyo, 0 → UTC, whole hours → Etc/GMT±N, anything else → UTC with the offset noted in
 * `system_setting`), plus `observe_japanese_holidays` and `recurring_closed_days` (年末年始).
 */
export class Migration20261207054506 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "organisation" add column "time_zone" varchar(64) not null default 'Asia/Tokyo', add column "observe_japanese_holidays" boolean not null default true, add column "recurring_closed_days" jsonb not null default ${DEFAULT_CLOSED_DAYS};`,
    );
    this.addSql(
      `insert into "system_setting" ("key", "value") select 'calendar.unmapped_offset:' || "id", cast("time_zone_offset_minutes" as text) from "organisation" where "time_zone_offset_minutes" not in (0, 540) and ("time_zone_offset_minutes" % 60 <> 0 or "time_zone_offset_minutes" not between -720 and 840) on conflict ("key") do nothing;`,
    );
    this.addSql(`update "organisation" set "time_zone" = case
      when "time_zone_offset_minutes" = 540 then 'Asia/Tokyo'
      when "time_zone_offset_minutes" = 0 then 'UTC'
      when "time_zone_offset_minutes" % 60 = 0 and "time_zone_offset_minutes" between -720 and 840
        then 'Etc/GMT' || case when "time_zone_offset_minutes" > 0 then '-' else '+' end || cast(abs("time_zone_offset_minutes" / 60) as text)
      else 'UTC' end;`);
    this.addSql(`alter table "organisation" drop column "time_zone_offset_minutes";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" add column "time_zone_offset_minutes" int4 not null default 540;`);
    this.addSql(`update "organisation" set "time_zone_offset_minutes" = case
      when "time_zone" = 'Asia/Tokyo' then 540
      when exists (select 1 from "system_setting" where "key" = 'calendar.unmapped_offset:' || "organisation"."id")
        then (select cast("value" as integer) from "system_setting" where "key" = 'calendar.unmapped_offset:' || "organisation"."id")
      when "time_zone" = 'UTC' then 0
      when "time_zone" like 'Etc/GMT-%' then 60 * cast(substr("time_zone", 9) as integer)
      when "time_zone" like 'Etc/GMT+%' then -60 * cast(substr("time_zone", 9) as integer)
      else 540 end;`);
    this.addSql(`delete from "system_setting" where "key" like 'calendar.unmapped_offset:%';`);
    this.addSql(
      `alter table "organisation" drop column "time_zone", drop column "observe_japanese_holidays", drop column "recurring_closed_days";`,
    );
  }
}
