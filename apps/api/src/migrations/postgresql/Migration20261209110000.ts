import { Migration } from '@mikro-orm/migrations';

/** As the SQLite migration of the same name: `provider_request.earlier_head`, the signed tree head handed in with a request. */
export class Migration20261209110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "provider_request" add column "earlier_head" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "provider_request" drop column "earlier_head";`);
  }
}
