import type { EntityManager } from '@mikro-orm/core';
import { createHash } from 'node:crypto';
import { NotFoundError } from '../common/errors.js';
import { canonicalJson } from '../common/canonical-json.js';
import { leanRows } from '../common/lean-sql.js';
import { PolicyVersion, type PolicySectionData } from './policy-version.entity.js';

/** The version in force: the newest published one governs all data, whenever it was collected (clause 7). */
export async function currentPolicy(em: EntityManager): Promise<PolicyVersion> {
  const v = await em.findOne(PolicyVersion, { status: 'PUBLISHED' }, { orderBy: { number: 'desc' } });
  if (!v) throw new NotFoundError('Published policy version');
  return v;
}

/** Number and content hash of the version in force: one lean query (no sections to hydrate) for the write paths. */
export async function currentPolicyFacts(em: EntityManager): Promise<{ number: number; contentHash: string }> {
  const [row] = await leanRows<{ number: number | string; content_hash: string }>(
    em,
    'select number, content_hash from policy_version where status = ? order by number desc limit 1',
    ['PUBLISHED'],
  );
  if (!row) throw new NotFoundError('Published policy version');
  return { number: Number(row.number), contentHash: row.content_hash };
}

export function policyContentHash(sections: readonly PolicySectionData[]): string {
  return createHash('sha256').update(canonicalJson(sections)).digest('hex');
}
