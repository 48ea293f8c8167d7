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

/** Up to `limit` rows after `after` (keyset by id) whose value does not begin as this key's ciphertexts do. */
export function unsealedRows(
  em: EntityManager,
  c: SealedColumnName,
  prefix: string,
  after: string,
  limit: number,
): Promise<{ id: string; value: string }[]> {
  return leanRows<{ id: string; value: string }>(em, {
    sql: `select id, ${c.column} as value from ${c.table} where ${c.column} is not null and substr(${c.column}, 1, :prefixLength) <> :prefix and id > :after order by id limit :limit`,
    params: { prefix, prefixLength: prefix.length, after, limit },
  });
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
