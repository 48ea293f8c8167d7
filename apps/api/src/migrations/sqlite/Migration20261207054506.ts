import { Migration } from '@mikro-orm/migrations';

const DEFAULT_CLOSED_DAYS = `'["12-29","12-30","12-31","01-01","01-02","01-03"]'`;

/**
 * The organisation's calendar (issue 16, Japanese first): the fixed `time_zone_offset_minutes`
 * becomes an IANA `time_zone`, mapped from the offset (540 → Asia/Tokyo, 0 → UTC, other whole
 * hours → Etc/GMT±N, POSIX sign; anything else → UTC, with the old offset kept as a note in
 * `system_setting` under `calendar.unmapped_offset:<organisation id>` for an owner to choose the
 * zone); `observe_japanese_holidays` (national holidays from @holiday-jp/holiday_jp are not business
 * days, on by default) and `recurring_closed_days` (MM-DD, 年末年始 12-29 … 01-03 by default) are
 * added. The one-off `request_holidays` stay as they are. Down maps the zone back to an offset
 * (Asia/Tokyo 540, UTC 0, Etc/GMT±N, the note's offset, otherwise 540) and drops the new columns.
 */
export class Migration20261207054506 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`organisation\` add column \`time_zone\` text not null default 'Asia/Tokyo';`);
    this.addSql(`alter table \`organisation\` add column \`observe_japanese_holidays\` integer not null default true;`);
    this.addSql(
      `alter table \`organisation\` add column \`recurring_closed_days\` json not null default ${DEFAULT_CLOSED_DAYS};`,
    );
    this.addSql(
      `insert into \`system_setting\` (\`key\`, \`value\`) select 'calendar.unmapped_offset:' || \`id\`, cast(\`time_zone_offset_minutes\` as text) from \`organisation\` where \`time_zone_offset_minutes\` not in (0, 540) and (\`time_zone_offset_minutes\` % 60 <> 0 or \`time_zone_offset_minutes\` not between -720 and 840) on conflict (\`key\`) do nothing;`,
    );
    this.addSql(`update \`organisation\` set \`time_zone\` = case
      when \`time_zone_offset_minutes\` = 540 then 'Asia/Tokyo'
      when \`time_zone_offset_minutes\` = 0 then 'UTC'
      when \`time_zone_offset_minutes\` % 60 = 0 and \`time_zone_offset_minutes\` between -720 and 840
        then 'Etc/GMT' || case when \`time_zone_offset_minutes\` > 0 then '-' else '+' end || abs(\`time_zone_offset_minutes\` / 60)
      else 'UTC' end;`);
    this.addSql(`alter table \`organisation\` drop column \`time_zone_offset_minutes\`;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`organisation\` add column \`time_zone_offset_minutes\` integer not null default 540;`);
    this.addSql(`update \`organisation\` set \`time_zone_offset_minutes\` = case
      when \`time_zone\` = 'Asia/Tokyo' then 540
      when exists (select 1 from \`system_setting\` where \`key\` = 'calendar.unmapped_offset:' || \`organisation\`.\`id\`)
        then (select cast(\`value\` as integer) from \`system_setting\` where \`key\` = 'calendar.unmapped_offset:' || \`organisation\`.\`id\`)
      when \`time_zone\` = 'UTC' then 0
      when \`time_zone\` like 'Etc/GMT-%' then 60 * cast(substr(\`time_zone\`, 9) as integer)
      when \`time_zone\` like 'Etc/GMT+%' then -60 * cast(substr(\`time_zone\`, 9) as integer)
      else 540 end;`);
    this.addSql(`delete from \`system_setting\` where \`key\` like 'calendar.unmapped_offset:%';`);
    this.addSql(`alter table \`organisation\` drop column \`time_zone\`;`);
    this.addSql(`alter table \`organisation\` drop column \`observe_japanese_holidays\`;`);
    this.addSql(`alter table \`organisation\` drop column \`recurring_closed_days\`;`);
  }
}
