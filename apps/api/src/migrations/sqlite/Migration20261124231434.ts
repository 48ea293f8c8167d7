import { Migration } from '@mikro-orm/migrations';

/** The policy version that last added or widened a purpose: grants recorded before it no longer cover it (clause 7). */
export class Migration20261124231434 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`purpose\` add column \`consent_from_version\` integer not null default 1;`);
  }

}
