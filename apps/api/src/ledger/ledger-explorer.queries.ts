import type { EntityManager } from '@mikro-orm/core';
import { dialectOf, type Dialect } from '../common/sql/dialect.js';
import { leanCountUpTo, leanRows, type Row } from '../common/sql/lean-sql.js';

// The ledger explorer's statements: keyset pages by sequence (never OFFSET) and activity counted
// per UTC day in SQL (the ledger grows without bound; loading entries to count them would not do).

/**
 * The basis kind of an entry, derived from its stored basis JSON (decisions store `kind`; provisions
 * store the exception they were made under). Derived in SQL, so no hashed content changes.
 */
function basisKindSql(d: Dialect): string {
  return `coalesce(${d.jsonText('basis', 'kind')}, case when ${d.jsonText('basis', 'exceptionId')} is not null then 'EXCEPTION' end)`;
}

/** USE or PROVIDE: provisions are hand-overs; decisions store the action they were asked about in their basis. */
function actionSql(d: Dialect): string {
  return `case kind when 'PROVISION' then 'PROVIDE' when 'USE' then 'USE' else ${d.jsonText('basis', 'action')} end`;
}

export interface LedgerEntryPageFilter {
  rows: number;
  beforeSequence?: number;
  providerId?: string;
  recipientId?: string;
  purposeKey?: string;
  kind?: string;
  outcome?: string;
  basisKind?: string;
}

/**
 * One page of entries, newest first, with the filters given. Kept lean: ORM em.find 18× (first
 * page) and 16× (one provider) the CPU on SQLite over 200k entries, 13× and 10× on PostgreSQL
 * (bench/screens.js, 2026-12-07); the basis-kind filter is a JSON expression the ORM has no form
 * for.
 */
export function ledgerEntryPage(em: EntityManager, f: LedgerEntryPageFilter): Promise<Row[]> {
  const where = ledgerEntryWhere(em, f);
  if (f.beforeSequence !== undefined) where.push('sequence < :beforeSequence');
  return leanRows<Row>(em, {
    sql:
      'select sequence, id, recorded_at, kind, actor, provider_id, purpose_key, recipient_id, categories, outcome, basis, policy_version, hash from ledger_entry' +
      `${where.length ? ` where ${where.join(' and ')}` : ''} order by sequence desc limit :rows`,
    params: { ...f },
  });
}

/** The explorer's filters as SQL conditions (a page's and its count's). */
function ledgerEntryWhere(em: EntityManager, f: Omit<LedgerEntryPageFilter, 'rows' | 'beforeSequence'>): string[] {
  const where: string[] = [];
  if (f.providerId) where.push('provider_id = :providerId');
  if (f.recipientId) where.push('recipient_id = :recipientId');
  if (f.purposeKey) where.push('purpose_key = :purposeKey');
  if (f.kind) where.push('kind = :kind');
  if (f.outcome) where.push('outcome = :outcome');
  if (f.basisKind) where.push(`${basisKindSql(dialectOf(em))} = :basisKind`);
  return where;
}

/** How many entries the filters match, reading at most `cap + 1` of them (the ledger grows without bound). */
export function ledgerEntryCountUpTo(
  em: EntityManager,
  f: Omit<LedgerEntryPageFilter, 'rows' | 'beforeSequence'>,
  cap: number,
): Promise<number> {
  const where = ledgerEntryWhere(em, f);
  const sql = `select 1 from ledger_entry${where.length ? ` where ${where.join(' and ')}` : ''}`;
  return leanCountUpTo(em, { sql, params: { ...f } }, cap);
}

/**
 * Entries of `kinds` since `from`, counted per UTC day (days since the epoch), kind, basis kind,
 * outcome and action. Lean: day buckets and JSON fields per dialect have no ORM form (the ORM
 * alternative loads every entry of the period).
 */
export function activityRows(
  em: EntityManager,
  kinds: readonly string[],
  from: Date,
): Promise<
  {
    day: number | string;
    kind: string;
    basis_kind: string | null;
    outcome: string;
    action: string | null;
    n: number | string;
  }[]
> {
  const d = dialectOf(em);
  return leanRows(em, {
    sql:
      `select ${d.dayBucket('recorded_at')} as day, kind, ${basisKindSql(d)} as basis_kind, outcome, ${actionSql(d)} as action, count(*) as n from ledger_entry` +
      ' where kind in (:kinds) and recorded_at >= :from group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5',
    params: { kinds, from: d.toDbDate(from) },
  });
}
