import type { EntityManager } from '@mikro-orm/core';
import { leanRows, type Row } from '../common/sql/lean-sql.js';

/**
 * Every consent event of the (provider, purpose) pairs that the events among `ids` belong to — the
 * cited events and what their providers did since — with their purpose's key. Facts only:
 * policy-core's `refusedOrWithdrawnSince` judges them. A join from the cited events through the
 * (provider, purpose) index: the correlated `exists` it replaced scanned every consent event on
 * SQLite (0.5 s with 2M events). Kept lean: the ORM's two em.find cost 141× the CPU on SQLite and
 * 40× on PostgreSQL, 1M providers (bench/screens.js, 2026-12-07).
 */
export function citedConsentEventRows<T = Row>(em: EntityManager, ids: readonly string[]): Promise<T[]> {
  return leanRows<T>(em, {
    sql:
      'select distinct ce.id, ce.provider_id, ce.purpose_id, p.key as purpose_key, ce.sequence, ce.action' +
      ' from consent_event cited join consent_event ce on ce.provider_id = cited.provider_id and ce.purpose_id = cited.purpose_id' +
      ' join purpose p on p.id = ce.purpose_id where cited.id in (:ids)',
    params: { ids },
  });
}

/**
 * The rows of `table` among `ids` (well-formed UUIDs only). Kept lean: ORM em.find 16× the CPU on
 * SQLite, 11× on PostgreSQL, for 25 providers (bench/screens.js, 2026-12-07).
 */
export function existingIds(
  em: EntityManager,
  table: 'provider' | 'recipient',
  ids: readonly string[],
): Promise<{ id: string }[]> {
  return leanRows<{ id: string }>(em, { sql: `select id from ${table} where id in (:ids)`, params: { ids } });
}
