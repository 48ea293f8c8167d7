import type { EntityManager } from '@mikro-orm/core';
import { createHash } from 'node:crypto';
import { NotFoundError } from '../common/errors.js';
import { canonicalJson } from '../common/canonical-json.js';
import { PolicyVersion, type PolicySectionData } from './policy-version.entity.js';

/** The version in force: the newest published one governs all data, whenever it was collected (clause 7). */
export async function currentPolicy(em: EntityManager): Promise<PolicyVersion> {
  const v = await em.findOne(PolicyVersion, { status: 'PUBLISHED' }, { orderBy: { number: 'desc' } });
  if (!v) throw new NotFoundError('Published policy version');
  return v;
}

export function policyContentHash(sections: readonly PolicySectionData[]): string {
  return createHash('sha256').update(canonicalJson(sections)).digest('hex');
}
