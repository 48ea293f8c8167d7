import type { EntityManager } from '@mikro-orm/core';
import type { ConsentAction, DataCategory } from '@steward/policy-core';
import { dialectOf, fromDbJson, perDialect } from '../../common/sql/dialect.js';
import { leanRows } from '../../common/sql/lean-sql.js';

// The change feed's statements. None reads a personal value: the feed names providers and kinds of
// change, and the partner reads values through partnerProvider (one recorded path out).

/** A position in the feed: everything at an earlier instant, and at this instant up to this provider, is behind it. */
export interface FeedPosition {
  at: Date;
  providerId: string;
}

/** A row written by some change (C consent event, S cessation, A amendment, N new provider); `detail` is the action or category. */
export interface ChangeRow {
  at: unknown;
  provider_id: string;
  src: 'C' | 'S' | 'A' | 'N';
  detail: string | null;
}

export interface ChangeRowQuery {
  after: FeedPosition;
  upTo: Date;
  /** The providers some exception of the recipient names; null: every provider (an exception covers all). */
  providerIds: readonly string[] | null;
  /** Amendments only of these categories (those the recipient's exceptions name). */
  categories: readonly DataCategory[];
  rows: number;
}

const rowsSqlByShape = new Map<string, string>();

function rowsSql(em: EntityManager, all: boolean, categories: boolean): string {
  const d = dialectOf(em);
  const shape = `${d.name}|${all ? 1 : 0}|${categories ? 1 : 0}`;
  const cached = rowsSqlByShape.get(shape);
  if (cached) return cached;
  const reach = (column: string) => (all ? '' : ` and ${column} in (:providerIds)`);
  const window = (column: string) => `${column} >= :from and ${column} <= :upTo`;
  const sources = [
    `select ce.occurred_at as at, ce.provider_id, 'C' as src, ce.action as detail from consent_event ce where ${window('ce.occurred_at')}${reach('ce.provider_id')}`,
    `select pc.since, pc.provider_id, 'S', pc.action from provider_cessation pc where ${window('pc.since')}${reach('pc.provider_id')}`,
  ];
  if (categories)
    sources.push(
      `select dc.changed_at, dc.provider_id, 'A', dc.category from data_item_change dc where dc.category in (:categories) and ${window('dc.changed_at')}${reach('dc.provider_id')}`,
    );
  // A provider collected later is newly covered only by an exception over every provider.
  if (all) sources.push(`select p.created_at, p.id, 'N', null from provider p where ${window('p.created_at')}`);
  const sql =
    `select c.at, c.provider_id, c.src, c.detail from (${sources.join(' union all ')}) c` +
    ' where c.at > :from or c.provider_id > :afterProvider order by c.at, c.provider_id, c.src, c.detail limit :rows';
  rowsSqlByShape.set(shape, sql);
  return sql;
}

/** The rows written after `after` up to `upTo`, in feed order (instant, provider), at most `rows`. */
export function loadChangeRows(em: EntityManager, query: ChangeRowQuery): Promise<ChangeRow[]> {
  const d = dialectOf(em);
  return leanRows<ChangeRow>(em, {
    sql: rowsSql(em, query.providerIds === null, query.categories.length > 0),
    params: {
      from: d.toDbDate(query.after.at),
      upTo: d.toDbDate(query.upTo),
      afterProvider: query.after.providerId,
      providerIds: query.providerIds,
      categories: query.categories,
      rows: query.rows,
    },
  });
}

/** Every provider's id after `afterId` (an exception over all providers starts or stops at one instant for each). */
export async function loadProviderIdsAfter(em: EntityManager, afterId: string | null, rows: number): Promise<string[]> {
  const found = await leanRows<{ id: string }>(em, {
    sql: `select id from provider${afterId ? ' where id > :afterId' : ''} order by id limit :rows`,
    params: { afterId, rows },
  });
  return found.map((r) => r.id);
}

/** What standing needs of the feed's providers: item categories (never values), every consent event with its purpose's key. */
export interface StandingRows {
  items: { id: string; provider_id: string; category: DataCategory; publicly_available: unknown }[];
  events: {
    id: string;
    provider_id: string;
    purpose_key: string;
    action: ConsentAction;
    occurred_at: unknown;
    sequence: unknown;
    policy_version: unknown;
  }[];
}

const standingSql = perDialect(
  (d) =>
    `select ${d.jsonObject}(` +
    `'items', ${d.jsonList(['id', 'provider_id', 'category', 'publicly_available'], 'personal_data_item where provider_id in (:providerIds)', 'id')},` +
    ` 'events', ${d.jsonList(
      ['id', 'provider_id', 'purpose_key', 'action', 'occurred_at', 'sequence', 'policy_version'],
      '(select ce.id, ce.provider_id, pu.key as purpose_key, ce.action, ce.occurred_at, ce.sequence, ce.policy_version' +
        ' from consent_event ce join purpose pu on pu.id = ce.purpose_id where ce.provider_id in (:providerIds)) e',
      'sequence',
    )}` +
    ') as facts',
);

export async function loadStandingRows(em: EntityManager, providerIds: readonly string[]): Promise<StandingRows> {
  const [row] = await leanRows<{ facts: unknown }>(em, { sql: standingSql(dialectOf(em)), params: { providerIds } });
  return fromDbJson<StandingRows>(row!.facts);
}
