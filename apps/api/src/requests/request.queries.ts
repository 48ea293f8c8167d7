import type { EntityManager } from '@mikro-orm/core';
import { leanRows, type Row } from '../common/sql/lean-sql.js';

/**
 * The organisation's response period and calendar columns (every request's due date is computed from them). Kept
 * lean: ORM em.find 48× the CPU on SQLite, 9× on PostgreSQL (bench/screens.js, 2026-12-07).
 */
export async function responsePeriodRow(em: EntityManager): Promise<Row | undefined> {
  const [row] = await leanRows<Row>(em, {
    sql: 'select response_period_days, response_period_unit, time_zone, observe_japanese_holidays, recurring_closed_days, request_holidays from organisation order by created_at asc limit 1',
  });
  return row;
}
