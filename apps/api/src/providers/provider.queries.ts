import type { EntityManager } from '@mikro-orm/core';
import { leanCountUpTo, leanRows, type Row } from '../common/sql/lean-sql.js';

// The provider list's statements: a keyset page over up to millions of providers, filtered by the
// consent_state index, the reference prefix and the blind-index search tokens (the ORM's query
// builder cost more than the page's read; DESIGN.md §5).

export interface ProviderListFilter {
  /** Only providers with a consent state for this purpose (or, with NOT_ASKED, without one). */
  purposeId: string | null;
  consentState: string | null;
  kind: string | null;
  /** A reference prefix (as typed or upper-cased), or the providers whose search tokens include every hash of one set. */
  search: string | null;
  tokenSets: readonly (readonly string[])[] | null;
}

/** The provider list's orders: by creation (the id, a UUIDv7) or by reference (unique), either way. */
export type ProviderOrder = { field: 'CREATED' | 'REFERENCE'; direction: 'ASC' | 'DESC' };

export interface ProviderPageFilter extends ProviderListFilter {
  order: ProviderOrder;
  /** The last row of the page before: its sort key (the reference, or the id when sorted by creation) and id. */
  after: { key: string; id: string } | null;
  rows: number;
}

/** FROM and WHERE of the filtered provider list (shared by its page and its count). */
function providerListWhere(f: ProviderListFilter) {
  const where: string[] = [];
  let from = 'provider p';
  let keyColumn = 'p.id';
  if (f.purposeId && f.consentState === 'NOT_ASKED') {
    where.push(
      'not exists (select 1 from consent_state cs where cs.provider_id = p.id and cs.purpose_id = :purposeId)',
    );
  } else if (f.purposeId) {
    from = 'consent_state cs join provider p on p.id = cs.provider_id';
    keyColumn = 'cs.provider_id';
    where.push('cs.purpose_id = :purposeId');
    if (f.consentState) where.push('cs.state = :consentState');
  }
  if (f.kind) where.push('p.kind = :kind');
  const params: Record<string, unknown> = { purposeId: f.purposeId, consentState: f.consentState, kind: f.kind };
  if (f.search) {
    const alternatives = [
      '(p.reference >= :search and p.reference < :searchEnd)',
      '(p.reference >= :searchUpper and p.reference < :searchUpperEnd)',
    ];
    Object.assign(params, {
      search: f.search,
      searchEnd: f.search + '\uffff',
      searchUpper: f.search.toUpperCase(),
      searchUpperEnd: f.search.toUpperCase() + '\uffff',
    });
    // A provider holding every token of one set (its name's, or its reading's).
    (f.tokenSets ?? []).forEach((hashes, i) => {
      alternatives.push(
        `p.id in (select st.provider_id from search_token st where st.hash in (:tokenHashes${i}) group by st.provider_id having count(distinct st.hash) = :tokenCount${i})`,
      );
      params[`tokenHashes${i}`] = hashes;
      params[`tokenCount${i}`] = hashes.length;
    });
    where.push(`(${alternatives.join(' or ')})`);
  }
  return { from, where, params, keyColumn };
}

/**
 * One keyset page of providers (never OFFSET), newest first unless sorted otherwise. Kept lean: the ORM's
 * em.find cost 27× (first page), 25× (99 % deep), 73× (consent filter) and 2.0× (reference prefix)
 * the CPU on SQLite with 1M providers; on PostgreSQL 8–62× (3.9× for the prefix) (bench/screens.js,
 * 2026-12-07). By reference the walk follows the unique reference index, (reference, id) past the cursor.
 */
export function providerPageRows<T = Row>(em: EntityManager, f: ProviderPageFilter): Promise<T[]> {
  const { from, where, params, keyColumn } = providerListWhere(f);
  const op = f.order.direction === 'ASC' ? '>' : '<';
  const dir = f.order.direction === 'ASC' ? 'asc' : 'desc';
  Object.assign(params, { afterKey: f.after?.key ?? null, afterId: f.after?.id ?? null, rows: f.rows });
  let orderBy = `${keyColumn} ${dir}`;
  if (f.order.field === 'REFERENCE') {
    // References are unique: the reference alone orders the walk; the id only breaks a tie that cannot occur.
    if (f.after) where.push(`p.reference ${op} :afterKey`);
    orderBy = `p.reference ${dir}, p.id ${dir}`;
  } else if (f.after) {
    where.push(`${keyColumn} ${op} :afterId`);
    // The same bound on the provider side of the join: PostgreSQL may merge-join the two
    // indexes, and without it scans provider_pkey from the top down to the cursor (410 ms at
    // 99 % of 1M providers instead of 0.2 ms; bench/README.md).
    if (keyColumn !== 'p.id') where.push(`p.id ${op} :afterId`);
  }
  const sql =
    `select p.id, p.kind, p.reference, p.language, p.version, p.created_at, p.updated_at from ${from}` +
    (where.length ? ` where ${where.join(' and ')}` : '') +
    ` order by ${orderBy} limit :rows`;
  return leanRows<T>(em, { sql, params });
}

/**
 * How many providers the filter matches, reading at most `cap + 1` index entries (see TOTAL_COUNT_CAP): an
 * exact count of 1M providers read 1M entries on every page (bench/README.md), and a kind or consent
 * filter has no count the database keeps.
 */
export function providerCountUpTo(em: EntityManager, f: ProviderListFilter, cap: number): Promise<number> {
  const { from, where, params } = providerListWhere(f);
  const sql = `select 1 from ${from}` + (where.length ? ` where ${where.join(' and ')}` : '');
  return leanCountUpTo(em, { sql, params }, cap);
}

/**
 * The NAME items of these providers, newest first (display names). Kept lean: ORM em.find 31× the
 * CPU on SQLite, 19× on PostgreSQL (bench/screens.js, 2026-12-07).
 */
export function nameItemRows<T = Row>(em: EntityManager, providerIds: readonly string[]): Promise<T[]> {
  return leanRows<T>(em, {
    sql:
      'select i.id, i.provider_id, i.category, i.value_sealed from personal_data_item i' +
      " where i.provider_id in (:providerIds) and i.category = 'NAME' order by i.collected_at desc, i.id desc",
    params: { providerIds },
  });
}

/** The providers a picker already holds (by id): reference only, names come from nameItemRows. */
export function providerOptionRowsByIds<T = Row>(em: EntityManager, ids: readonly string[]): Promise<T[]> {
  return leanRows<T>(em, {
    sql: 'select p.id, p.reference from provider p where p.id in (:ids) order by p.reference',
    params: { ids },
  });
}
