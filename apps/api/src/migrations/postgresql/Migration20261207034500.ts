import { Migration } from '@mikro-orm/migrations';

/**
 * The remaining free text about providers is sealed (issue 15): a collection's source and note, a
 * consent event's note, an item's source, a request's rejection reason and resolution and a status
 * change's reason move to `*_sealed` text columns (a sealed source is
 * longer than the 200 characters the plain one had). The rows already stored keep their plaintext
 * here (a migration has no key); the first start after it seals them (crypto/seal-legacy-text.ts).
 */
export class Migration20261207034500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "collection_record" rename column "source" to "source_sealed";`);
    this.addSql(`alter table "collection_record" rename column "note" to "note_sealed";`);
    this.addSql(
      `alter table "collection_record" alter column "source_sealed" type text using ("source_sealed"::text);`,
    );
    this.addSql(`alter table "consent_event" rename column "note" to "note_sealed";`);
    this.addSql(`alter table "personal_data_item" rename column "source" to "source_sealed";`);
    this.addSql(`alter table "provider_request" rename column "rejection_reason" to "rejection_reason_sealed";`);
    this.addSql(`alter table "provider_request" rename column "resolution" to "resolution_sealed";`);
    this.addSql(`alter table "request_status_change" rename column "reason" to "reason_sealed";`);
    this.addSql(
      `alter table "personal_data_item" alter column "source_sealed" type text using ("source_sealed"::text);`,
    );
  }

  // Sealed values stay sealed (and may be longer than 200 characters): going back needs the key, like the way forward.
  override async down(): Promise<void> {
    this.addSql(`alter table "collection_record" rename column "source_sealed" to "source";`);
    this.addSql(`alter table "collection_record" rename column "note_sealed" to "note";`);
    this.addSql(`alter table "consent_event" rename column "note_sealed" to "note";`);
    this.addSql(`alter table "personal_data_item" rename column "source_sealed" to "source";`);
    this.addSql(`alter table "provider_request" rename column "rejection_reason_sealed" to "rejection_reason";`);
    this.addSql(`alter table "provider_request" rename column "resolution_sealed" to "resolution";`);
    this.addSql(`alter table "request_status_change" rename column "reason_sealed" to "reason";`);
    // The release before writes plaintext again: the next start after going up seals (crypto/seal-legacy-text.ts).
    this.addSql(
      `delete from "system_setting" where "key" in ('sealing.legacy_text_sealed', 'sealing.plaintext_purge_pending');`,
    );
  }
}
