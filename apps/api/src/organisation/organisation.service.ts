import type { EntityManager } from '@mikro-orm/core';
import { NotFoundError } from '../common/errors.js';
import { Organisation } from './organisation.entity.js';

export async function loadOrganisation(em: EntityManager): Promise<Organisation> {
  const [org] = await em.find(Organisation, {}, { orderBy: { createdAt: 'asc' }, limit: 1 });
  if (!org) throw new NotFoundError('Organisation');
  return org;
}
