import { Migration } from '@mikro-orm/migrations';

/**
 * `provider_request.earlier_head`: the signed tree head a provider handed in with a request (from
 * their last disclosure package), checked on intake, so the next package can prove the ledger still
 * extends it. Nullable; `down` drops it.
 */
export class Migration20261209110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`provider_request\` add column \`earlier_head\` text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`provider_request\` drop column \`earlier_head\`;`);
  }
}
