import { Migration } from '@mikro-orm/migrations';

/**
 * Sign-in limits shared by every instance on one database (issue 14): one counter per limiter key
 * (a keyed hash, never an e-mail or an address), expiring with its window.
 */
export class Migration20261207004306 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`rate_limit_counter\` (\`limiter_key\` text not null, \`points\` integer not null, \`expires_at\` datetime null, primary key (\`limiter_key\`));`);
    this.addSql(`create index \`rate_limit_counter_expires_at_index\` on \`rate_limit_counter\` (\`expires_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`rate_limit_counter\`;`);
  }
}
