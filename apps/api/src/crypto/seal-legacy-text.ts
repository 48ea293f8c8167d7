import type { EntityManager } from '@mikro-orm/core';
import { collectionSealContext } from '../collection/collection-record.entity.js';
import { consentNoteSealContext } from '../consent/consent-event.entity.js';
import { itemSourceSealContext } from '../providers/personal-data-item.entity.js';
import { rejectionReasonSealContext, resolutionSealContext } from '../requests/provider-request.entity.js';
import { statusReasonSealContext } from '../requests/request-status-change.entity.js';
import type { FieldCipher } from './field-cipher.js';
import { purgeReplacedPlaintext, sealRow, unsealedRows, type SealedColumnName } from './seal-legacy-text.queries.js';

/** The free-text columns about providers that hold ciphertext, each with what its values are bound to. */
export const SEALED_TEXT_COLUMNS: readonly (SealedColumnName & { context: (id: string) => string })[] = [
  { table: 'collection_record', column: 'source_sealed', context: (id) => collectionSealContext(id, 'source') },
  { table: 'collection_record', column: 'note_sealed', context: (id) => collectionSealContext(id, 'note') },
  { table: 'consent_event', column: 'note_sealed', context: consentNoteSealContext },
  { table: 'personal_data_item', column: 'source_sealed', context: itemSourceSealContext },
  { table: 'provider_request', column: 'rejection_reason_sealed', context: rejectionReasonSealContext },
  { table: 'provider_request', column: 'resolution_sealed', context: resolutionSealContext },
  { table: 'request_status_change', column: 'reason_sealed', context: statusReasonSealContext },
];

const PAGE = 500;
/** The smallest id (uuid text sorts the same in both databases). */
const BEFORE_EVERY_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Seals what was stored in plaintext before these columns were sealed (Migration20261207034500
 * renamed them; a migration has no key). Runs at every start, after the migrations: a row is
 * plaintext when its value does not open with this key (`FieldCipher.opens`), and it is replaced
 * only while it still holds that plaintext, so two instances starting together on one PostgreSQL
 * seal each row once and neither fails. Once every row is sealed it reads nothing (the prefix test
 * runs in the database) and writes nothing. When it sealed something on SQLite, the file is rebuilt
 * so the plaintext does not linger in freed pages or the WAL. Answers how many values it sealed.
 */
export async function sealLegacyText(em: EntityManager, cipher: FieldCipher): Promise<number> {
  let sealed = 0;
  for (const column of SEALED_TEXT_COLUMNS) {
    let after = BEFORE_EVERY_ID;
    for (;;) {
      const rows = await unsealedRows(em, column, cipher.sealedPrefix, after, PAGE);
      for (const row of rows) {
        const id = String(row.id);
        const context = column.context(id);
        if (cipher.opens(row.value, context)) continue;
        if (await sealRow(em, column, id, row.value, cipher.encrypt(row.value, context))) sealed++;
      }
      if (rows.length < PAGE) break;
      after = String(rows[rows.length - 1]!.id);
    }
  }
  if (sealed) await purgeReplacedPlaintext(em);
  return sealed;
}
