import type { Dialect } from '../common/sql/dialect.js';

/**
 * SQL for one JSON fact: the consent events that are GRANTs their provider has not withdrawn or
 * refused since (no later event of theirs for the same purpose that is not a GRANT), as `[{id}]`
 * with `extraColumns` of `consent_event` beside it, for the providers `providerFilter` (over `ce`,
 * with its own named parameters) selects. A PROVIDER_AGREEMENT exception covers a provider only while a
 * grant it cites stands (policy-core's `standingGrantIds`). Read only while such an exception is
 * ACTIVE (no other can cover anyone), so that other decisions do not pay for it (both databases
 * evaluate CASE lazily). Withdrawal is judged as exception.service.ts judges it at approval.
 */
export function standingGrantsSql(d: Dialect, providerFilter: string, extraColumns: readonly string[] = []): string {
  const standing = d.jsonList(
    ['id', ...extraColumns],
    `(select ce.id${extraColumns.map((c) => `, ce.${c}`).join('')} from consent_event ce where ${providerFilter} and ce.action = 'GRANT' and not exists (` +
      'select 1 from consent_event later where later.provider_id = ce.provider_id and later.purpose_id = ce.purpose_id' +
      " and later.sequence > ce.sequence and later.action <> 'GRANT')) g",
    'id',
  );
  return `(case when exists (select 1 from permitted_exception where kind = 'PROVIDER_AGREEMENT' and status = 'ACTIVE') then ${standing} else ${d.emptyJsonArray} end)`;
}
