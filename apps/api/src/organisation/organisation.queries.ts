import type { EntityManager } from '@mikro-orm/core';
import { leanRows } from '../common/sql/lean-sql.js';

/**
 * The controller's name and contact in both languages (every collection receipt and disclosure package reads it). Kept lean: ORM em.find 51×
 * the CPU on SQLite, 13× on PostgreSQL (bench/screens.js, 2026-12-07).
 */
export async function organisationContactRow(em: EntityManager): Promise<OrganisationContactRow | undefined> {
  const [row] = await leanRows<OrganisationContactRow>(em, {
    sql: 'select name, name_ja, secretariat_name, secretariat_name_ja, postal_address, postal_address_ja, email, telephone from organisation order by created_at asc limit 1',
  });
  return row;
}

export interface OrganisationContactRow {
  name: string;
  name_ja: string;
  secretariat_name: string;
  secretariat_name_ja: string;
  postal_address: string;
  postal_address_ja: string;
  email: string;
  telephone: string;
}
