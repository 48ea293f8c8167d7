import type { EntityManager } from '@mikro-orm/core';
import { collectionSealContext } from '../collection/collection-record.entity.js';
import { consentNoteSealContext } from '../consent/consent-event.entity.js';
import { itemSourceSealContext } from '../providers/personal-data-item.entity.js';
import { rejectionReasonSealContext, resolutionSealContext } from '../requests/provider-request.entity.js';
import { statusReasonSealContext } from '../requests/request-status-change.entity.js';
import type { FieldCipher } from './field-cipher.js';
import {
  candidateRows,
  clearSealingKey,
  LEGACY_TEXT_SEALED,
  PLAINTEXT_PURGE_PENDING,
  purgeReplacedPlaintext,
  sealingState,
  sealRow,
  setSealingKey,
  type SealedColumnName,
} from './seal-legacy-text.queries.js';

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
 * renamed them; a migration has no key). Runs at every start, after the migrations.
 *
 * Until every legacy value is sealed (`LEGACY_TEXT_SEALED` unset) it reads every value of every
 * sealed column: a value is plaintext when it does not open with this key and its row's context
 * (`FieldCipher.opens`) — a plaintext that happens to begin as a ciphertext (`v1.<key id>.`) is
 * plaintext too, so no test in SQL decides. A row is replaced only while it still holds that
 * plaintext, so two instances starting together on one PostgreSQL seal each row once and neither
 * fails; both then set the key (the second changes nothing). Once it is set, a start reads one row
 * of `system_setting` and nothing else. Migration20261207034500's `down` clears it: the release
 * before writes plaintext again.
 *
 * Replaced plaintext lingers in SQLite's freed pages and WAL until the file is rebuilt (`purge`).
 * `PLAINTEXT_PURGE_PENDING` is set before the first value is sealed and cleared only after the
 * rebuild, so a start that died in between rebuilds at the next start. Answers how many values it sealed.
 */
export async function sealLegacyText(
  em: EntityManager,
  cipher: FieldCipher,
  /** What rebuilds the file; a test passes one that fails, as a start that dies before the rebuild. */
  purge: (em: EntityManager) => Promise<void> = purgeReplacedPlaintext,
): Promise<number> {
  const state = await sealingState(em);
  if (state.sealed && !state.purgePending) return 0;
  let sealed = 0;
  if (!state.sealed) {
    await setSealingKey(em, PLAINTEXT_PURGE_PENDING, 'true');
    sealed = await sealEveryColumn(em, cipher);
    await setSealingKey(em, LEGACY_TEXT_SEALED, cipher.keyId);
  }
  await purge(em);
  await clearSealingKey(em, PLAINTEXT_PURGE_PENDING);
  return sealed;
}

async function sealEveryColumn(em: EntityManager, cipher: FieldCipher): Promise<number> {
  let sealed = 0;
  for (const column of SEALED_TEXT_COLUMNS) {
    let after = BEFORE_EVERY_ID;
    for (;;) {
      const rows = await candidateRows(em, column, after, PAGE);
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
  return sealed;
}
