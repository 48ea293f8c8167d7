import type { EntityManager } from '@mikro-orm/core';
import { leanRows, type Row } from '../common/sql/lean-sql.js';

/**
 * The consent events among `ids` with their purpose's key and `withdrawn`: how many later events
 * of the provider for the same purpose are not a GRANT (their consent is no longer this one).
 */
export function citedConsentEventRows<T = Row>(em: EntityManager, ids: readonly string[]): Promise<T[]> {
  return leanRows<T>(em, {
    sql:
      'select ce.id, ce.provider_id, p.key as purpose_key, ce.action,' +
      ' (select count(*) from consent_event later where later.provider_id = ce.provider_id and later.purpose_id = ce.purpose_id' +
      " and later.sequence > ce.sequence and later.action <> 'GRANT') as withdrawn" +
      ' from consent_event ce join purpose p on p.id = ce.purpose_id where ce.id in (:ids)',
    params: { ids },
  });
}

/** The rows of `table` among `ids` (well-formed UUIDs only). */
export function existingIds(
  em: EntityManager,
  table: 'provider' | 'recipient',
  ids: readonly string[],
): Promise<{ id: string }[]> {
  return leanRows<{ id: string }>(em, { sql: `select id from ${table} where id in (:ids)`, params: { ids } });
}
