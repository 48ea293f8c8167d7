import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '../common/errors.js';
import { leanRows } from '../common/lean-sql.js';
import { Organisation } from './organisation.entity.js';

export async function loadOrganisation(em: EntityManager): Promise<Organisation> {
  const [org] = await em.find(Organisation, {}, { orderBy: { createdAt: 'asc' }, limit: 1 });
  if (!org) throw new NotFoundError('Organisation');
  return org;
}

/** The controller's name and contact for receipts: one lean query. */
export async function organisationContact(
  em: EntityManager,
): Promise<{ name: string; secretariatName: string; email: string; telephone: string }> {
  const [row] = await leanRows<{ name: string; secretariat_name: string; email: string; telephone: string }>(
    em,
    'select name, secretariat_name, email, telephone from organisation order by created_at asc limit 1',
  );
  if (!row) throw new NotFoundError('Organisation');
  return { name: row.name, secretariatName: row.secretariat_name, email: row.email, telephone: row.telephone };
}
