import type { EntityManager } from '@mikro-orm/core';
import { leanRows } from '../common/sql/lean-sql.js';

/**
 * The controller's name and contact (every collection receipt reads it). Kept lean: ORM em.find 51×
 * the CPU on SQLite, 13× on PostgreSQL (bench/screens.js, 2026-12-07).
 */
export async function organisationContactRow(
  em: EntityManager,
): Promise<{ name: string; secretariat_name: string; email: string; telephone: string } | undefined> {
  const [row] = await leanRows<{ name: string; secretariat_name: string; email: string; telephone: string }>(em, {
    sql: 'select name, secretariat_name, email, telephone from organisation order by created_at asc limit 1',
  });
  return row;
}
