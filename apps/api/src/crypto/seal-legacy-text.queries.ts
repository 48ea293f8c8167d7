import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from '../common/sql/dialect.js';
import { leanRows, leanRun } from '../common/sql/lean-sql.js';

/**
 * A sealed free-text column. `table` and `column` are names from `SEALED_TEXT_COLUMNS` (code, never
 * input): they are the only text these statements are built from; every value is a named parameter.
 */
export interface SealedColumnName {
  table: 'collection_record' | 'consent_event' | 'personal_data_item' | 'provider_request' | 'request_status_change';
  column: 'source_sealed' | 'note_sealed' | 'rejection_reason_sealed' | 'resolution_sealed' | 'reason_sealed';
}

/**
 * Up to `limit` rows after `after` (keyset by id) that hold a value. No test of the value runs here:
 * a plaintext may begin as this key's ciphertexts do (`v1.<key id>.`), so only the cipher can tell
 * (`FieldCipher.opens`). The whole scan runs once per database (`LEGACY_TEXT_SEALED`).
 */
export function candidateRows(
  em: EntityManager,
  c: SealedColumnName,
  after: string,
  limit: number,
): Promise<{ id: string; value: string }[]> {
  return leanRows<{ id: string; value: string }>(em, {
    sql: `select id, ${c.column} as value from ${c.table} where ${c.column} is not null and id > :after order by id limit :limit`,
    params: { after, limit },
  });
}

/** `system_setting` keys of the sealing at start: set once every legacy value is sealed. */
export const LEGACY_TEXT_SEALED = 'sealing.legacy_text_sealed';
/** Set before anything is sealed, cleared after the SQLite file was rebuilt: a start that finds it rebuilds. */
export const PLAINTEXT_PURGE_PENDING = 'sealing.plaintext_purge_pending';

/** Which of the sealing's `system_setting` keys are set. */
export async function sealingState(em: EntityManager): Promise<{ sealed: boolean; purgePending: boolean }> {
  const rows = await leanRows<{ key: string }>(em, {
    sql: 'select "key" as key from system_setting where "key" in (:keys)',
    params: { keys: [LEGACY_TEXT_SEALED, PLAINTEXT_PURGE_PENDING] },
  });
  const keys = new Set(rows.map((r) => r.key));
  return { sealed: keys.has(LEGACY_TEXT_SEALED), purgePending: keys.has(PLAINTEXT_PURGE_PENDING) };
}

/** Sets a key; an instance that set it first wins and the second changes nothing (no error). */
export async function setSealingKey(em: EntityManager, key: string, value: string): Promise<void> {
  await leanRun(em, {
    sql: 'insert into system_setting ("key", value) values (:key, :value) on conflict ("key") do nothing',
    params: { key, value },
  });
}

export async function clearSealingKey(em: EntityManager, key: string): Promise<void> {
  await leanRun(em, { sql: 'delete from system_setting where "key" = :key', params: { key } });
}

/**
 * Replaces one row's plaintext by its ciphertext only if the row still holds that plaintext: of two
 * instances sealing the same row at once, the second changes nothing (its condition no longer holds).
 * Answers whether this call changed the row.
 */
export async function sealRow(
  em: EntityManager,
  c: SealedColumnName,
  id: string,
  plain: string,
  sealed: string,
): Promise<boolean> {
  const changed = await leanRows(em, {
    sql: `update ${c.table} set ${c.column} = :sealed where id = :id and ${c.column} = :plain returning id`,
    params: { id, plain, sealed },
  });
  return changed.length > 0;
}

/**
 * After plaintext was replaced: SQLite keeps the old page images in freed pages and in the WAL until
 * they are reused, so the file is rebuilt (`vacuum`) and the WAL emptied. PostgreSQL's old row
 * versions are not readable through SQL or a dump, and its own vacuum reclaims them.
 */
export async function purgeReplacedPlaintext(em: EntityManager): Promise<void> {
  if (dialectOf(em).name !== 'sqlite') return;
  await leanRun(em, { sql: 'vacuum' });
  await leanRows(em, { sql: 'pragma wal_checkpoint(truncate)' });
}
