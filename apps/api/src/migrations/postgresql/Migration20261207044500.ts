import { Migration } from '@mikro-orm/migrations';

/**
 * The change stamp (common/facts/change-stamp.entity.ts): one row, moved in the same transaction as
 * every change to a fact that instances cache, so each instance sees the change on its next request.
 */
export class Migration20261207044500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "change_stamp" ("id" int not null, "stamp" bigint not null, constraint "change_stamp_pkey" primary key ("id"));`);
    this.addSql(`insert into "change_stamp" ("id", "stamp") values (1, 0);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "change_stamp" cascade;`);
  }

}
