import type { EntityManager } from '@mikro-orm/core';
import { leanRows } from '../common/sql/lean-sql.js';

/**
 * The recipients among `ids` (well-formed UUIDs only: PostgreSQL refuses anything else), with their
 * names. Kept lean: ORM em.find 25× the CPU on SQLite, 11× on PostgreSQL (bench/screens.js,
 * 2026-12-07).
 */
export function recipientNameRows(em: EntityManager, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return leanRows<{ id: string; name: string }>(em, {
    sql: 'select id, name from recipient where id in (:ids)',
    params: { ids },
  });
}
