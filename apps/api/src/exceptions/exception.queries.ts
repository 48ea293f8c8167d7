import type { EntityManager } from '@mikro-orm/core';
import { leanRows, type Row } from '../common/sql/lean-sql.js';

/**
 * Every consent event of the (provider, purpose) pairs that the events among `ids` belong to — the
 * cited events and what their providers did since — with their purpose's key. Facts only:
 * policy-core's `refusedOrWithdrawnSince` judges them.
 */
export function citedConsentEventRows<T = Row>(em: EntityManager, ids: readonly string[]): Promise<T[]> {
  return leanRows<T>(em, {
    sql:
      'select ce.id, ce.provider_id, ce.purpose_id, p.key as purpose_key, ce.sequence, ce.action' +
      ' from consent_event ce join purpose p on p.id = ce.purpose_id where exists (select 1 from consent_event cited' +
      ' where cited.id in (:ids) and cited.provider_id = ce.provider_id and cited.purpose_id = ce.purpose_id)',
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
