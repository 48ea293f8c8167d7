import type { EntityManager } from '@mikro-orm/core';
import type { CessationFact, DecisionAction } from '@steward/policy-core';
import { fromDbDate } from '../common/sql/dialect.js';
import { leanRows } from '../common/sql/lean-sql.js';

/** The cessations each provider asked for (one lean query), as policy-core facts for decide(). */
export async function loadCessations(
  em: EntityManager,
  providerIds: readonly string[],
): Promise<Map<string, CessationFact[]>> {
  const byProvider = new Map<string, CessationFact[]>();
  if (!providerIds.length) return byProvider;
  const rows = await leanRows<{
    provider_id: string;
    action: DecisionAction;
    purpose_key: string | null;
    recipient_id: string | null;
    since: unknown;
  }>(em, {
    sql: 'select provider_id, action, purpose_key, recipient_id, since from provider_cessation where provider_id in (:providerIds)',
    params: { providerIds },
  });
  for (const r of rows) {
    const list = byProvider.get(r.provider_id) ?? [];
    list.push(cessationOf(r));
    byProvider.set(r.provider_id, list);
  }
  return byProvider;
}

/** A `provider_cessation` row (as stored, or as aggregated to JSON) as a policy-core fact. */
export function cessationOf(r: Record<string, unknown>): CessationFact {
  return {
    action: r.action as DecisionAction,
    purposeKey: (r.purpose_key as string | null) ?? null,
    recipientId: (r.recipient_id as string | null) ?? null,
    since: fromDbDate(r.since),
  };
}
