import { standingGrantIds, type ConsentAction } from '@steward/policy-core';
import type { Dialect } from '../common/sql/dialect.js';

/**
 * SQL for one JSON fact: the consent events of the providers `providerFilter` selects (over `ce`,
 * with its own named parameters), as `[{id, purpose_id, sequence, action}]` plus `extraColumns`,
 * from which policy-core's `standingGrantIds` tells which GRANTs still stand — a PROVIDER_AGREEMENT
 * exception covers a provider only while a grant it cites stands. Read only while such an exception
 * is ACTIVE (no other can cover anyone), so that other decisions do not pay for it (both databases
 * evaluate CASE lazily). The SQL fetches facts; the rule is policy-core's alone.
 */
export function agreementEventsSql(d: Dialect, providerFilter: string, extraColumns: readonly string[] = []): string {
  const columns = ['id', 'purpose_id', 'sequence', 'action', ...extraColumns];
  const events = d.jsonList(columns, `consent_event ce where ${providerFilter}`, 'sequence');
  return `(case when exists (select 1 from permitted_exception where kind = 'PROVIDER_AGREEMENT' and status = 'ACTIVE') then ${events} else ${d.emptyJsonArray} end)`;
}

/** One row of `agreementEventsSql`. */
export interface AgreementEventRow {
  id: string;
  purpose_id: string;
  sequence: unknown;
  action: ConsentAction;
  provider_id?: string;
}

/** The standing GRANTs of one provider's events (policy-core's rule). */
export function standingGrantsOf(rows: readonly AgreementEventRow[]): string[] {
  return standingGrantIds(
    rows.map((r) => ({
      id: String(r.id),
      purpose: String(r.purpose_id),
      sequence: Number(r.sequence),
      action: r.action,
    })),
  );
}

/** Per provider, the standing GRANTs among rows of several providers (`provider_id` among `extraColumns`). */
export function standingGrantsByProvider(rows: readonly AgreementEventRow[]): Map<string, string[]> {
  const byProvider = new Map<string, AgreementEventRow[]>();
  for (const r of rows) {
    const providerId = String(r.provider_id);
    const events = byProvider.get(providerId);
    if (events) events.push(r);
    else byProvider.set(providerId, [r]);
  }
  return new Map([...byProvider].map(([providerId, events]) => [providerId, standingGrantsOf(events)]));
}
