import type { EntityManager } from '@mikro-orm/core';
import type { CessationFact, DataCategory } from '@steward/policy-core';
import { jsonFactsSql, parsedJson } from '../common/json-facts.js';
import { fromDbBoolean, isSqlite, leanRows, placeholders } from '../common/lean-sql.js';
import { EXCEPTION_FACT_COLUMNS, exceptionShapeOf, type ExceptionShape } from '../exceptions/exception-facts.js';
import { standingGrantsSql } from '../exceptions/standing-grants.js';
import { cessationOf } from '../requests/cessation-facts.js';
import type { SealedItemRow } from './partner.presenter.js';

// A partner read takes two statements (common/json-facts.ts): what the recipient's exceptions
// reach, then the page of providers in that reach with everything decide() needs about them. It
// took seven round trips before, which on PostgreSQL cost more than the rest of the request.

/** What a partner read needs before it knows which providers: the recipient's active exceptions, the purposes, the policy in force. */
export interface PartnerScopeFacts {
  exceptions: ExceptionShape[];
  purposes: { id: string; key: string; categories: DataCategory[]; retired: boolean; consentFromVersion: number }[];
  policyNumber: number | null;
}

const scopeSql = (sqlite: boolean) => {
  const { obj, list } = jsonFactsSql(sqlite);
  return (
    `select ${obj}(` +
    `'exceptions', ${list(EXCEPTION_FACT_COLUMNS, "permitted_exception where recipient_id = ? and status = 'ACTIVE'", 'id')},` +
    ` 'purposes', ${list(['id', 'key', 'categories', 'retired', 'consent_from_version'], 'purpose', 'key')},` +
    ` 'policy', (select max(number) from policy_version where status = 'PUBLISHED')` +
    ') as facts'
  );
};
const SCOPE_SQL = { sqlite: scopeSql(true), postgresql: scopeSql(false) };

export async function loadPartnerScopeFacts(em: EntityManager, recipientId: string): Promise<PartnerScopeFacts> {
  const sqlite = isSqlite(em);
  const [row] = await leanRows<{ facts: unknown }>(em, sqlite ? SCOPE_SQL.sqlite : SCOPE_SQL.postgresql, [recipientId]);
  const facts = parsedJson<{
    exceptions: Record<string, unknown>[];
    purposes: Record<string, unknown>[];
    policy: unknown;
  }>(row!.facts);
  return {
    exceptions: facts.exceptions.map(exceptionShapeOf),
    purposes: facts.purposes.map((p) => ({
      id: p.id as string,
      key: p.key as string,
      categories: parsedJson<DataCategory[]>(p.categories),
      retired: fromDbBoolean(p.retired),
      consentFromVersion: Number(p.consent_from_version ?? 1),
    })),
    policyNumber: facts.policy === null || facts.policy === undefined ? null : Number(facts.policy),
  };
}

/** A provider in reach: its id only (the reference never leaves for a partner, so it is not read). */
export interface PartnerProviderRow {
  id: string;
}

export interface PartnerItemRow extends SealedItemRow {
  provider_id: string;
  publicly_available: unknown;
}

export interface PartnerEventRow {
  id: string;
  provider_id: string;
  purpose_key: string;
  action: string;
  occurred_at: unknown;
  sequence: unknown;
  policy_version: unknown;
}

export interface PartnerPageQuery {
  /** SQL over `p` (provider) selecting the providers the exceptions may cover, and its parameters. */
  where: string;
  params: readonly unknown[];
  id?: string;
  afterId?: string | null;
  /** Rows to read (the caller asks one more than a page, to know whether another follows). */
  rows: number;
  /** Items only of these categories: nothing else is read. */
  categories: readonly DataCategory[];
  /** Consent events only for these stated purposes. */
  purposeKeys: readonly string[];
  /** Read the page's standing grants (only when a PROVIDER_AGREEMENT exception is in scope). */
  standingGrants: boolean;
}

export interface PartnerPageFacts {
  rows: PartnerProviderRow[];
  items: PartnerItemRow[];
  events: PartnerEventRow[];
  cessations: Map<string, CessationFact[]>;
  /** Per provider of the page, its GRANTs not withdrawn or refused since (when asked for: `standingGrants`). */
  standingGrantIds: Map<string, string[]>;
}

/** Statement texts by shape: the same exceptions give the same text, so it is built once (bounded: the scope SQL varies with them). */
const pageSqlByShape = new Map<string, string>();

function pageSql(sqlite: boolean, query: PartnerPageQuery): string {
  const shape = `${sqlite}|${query.id ? 1 : 0}|${query.afterId ? 1 : 0}|${query.categories.length}|${query.purposeKeys.length}|${query.standingGrants ? 1 : 0}|${query.where}`;
  const cached = pageSqlByShape.get(shape);
  if (cached) return cached;
  const { obj, list } = jsonFactsSql(sqlite);
  const empty = sqlite ? 'json_array()' : "'[]'::json";
  const page =
    `select p.id from provider p where ${query.where}` +
    (query.id ? ' and p.id = ?' : '') +
    (query.afterId ? ' and p.id < ?' : '') +
    ' order by p.id desc limit ?';
  const inPage = 'provider_id in (select id from page)';
  const items = query.categories.length
    ? list(
        ['id', 'provider_id', 'category', 'value_sealed', 'publicly_available'],
        `personal_data_item where ${inPage} and category in (${placeholders(query.categories.length)})`,
        'id',
      )
    : empty;
  const events = query.purposeKeys.length
    ? list(
        ['id', 'provider_id', 'purpose_key', 'action', 'occurred_at', 'sequence', 'policy_version'],
        '(select ce.id, ce.provider_id, pu.key as purpose_key, ce.action, ce.occurred_at, ce.sequence, ce.policy_version' +
          ` from consent_event ce join purpose pu on pu.id = ce.purpose_id where ce.${inPage} and pu.key in (${placeholders(query.purposeKeys.length)})) e`,
        'id',
      )
    : empty;
  const sql =
    `with page as (${page}) select ${obj}(` +
    `'rows', ${list(['id'], 'page', 'id desc')},` +
    ` 'items', ${items},` +
    ` 'events', ${events},` +
    ` 'cessations', ${list(['provider_id', 'action', 'purpose_key', 'recipient_id', 'since'], `provider_cessation where ${inPage}`, 'since')},` +
    ` 'standing', ${query.standingGrants ? standingGrantsSql(sqlite, `ce.${inPage}`, ['provider_id']) : empty}` +
    ') as facts';
  if (pageSqlByShape.size < 200) pageSqlByShape.set(shape, sql);
  return sql;
}

/** The providers of one page in reach (newest first) with their items, consent events and cessations, in one statement. */
export async function loadPartnerPage(em: EntityManager, query: PartnerPageQuery): Promise<PartnerPageFacts> {
  const params: unknown[] = [...query.params];
  if (query.id) params.push(query.id);
  if (query.afterId) params.push(query.afterId);
  params.push(query.rows, ...query.categories, ...query.purposeKeys);
  const [row] = await leanRows<{ facts: unknown }>(em, pageSql(isSqlite(em), query), params);
  const facts = parsedJson<{
    rows: PartnerProviderRow[];
    items: PartnerItemRow[];
    events: PartnerEventRow[];
    cessations: Record<string, unknown>[];
    standing: { id: string; provider_id: string }[];
  }>(row!.facts);
  const cessations = new Map<string, CessationFact[]>();
  for (const c of facts.cessations) {
    const providerId = c.provider_id as string;
    cessations.set(providerId, [...(cessations.get(providerId) ?? []), cessationOf(c)]);
  }
  const standingGrantIds = new Map<string, string[]>();
  for (const g of facts.standing)
    standingGrantIds.set(g.provider_id, [...(standingGrantIds.get(g.provider_id) ?? []), g.id]);
  return { rows: facts.rows, items: facts.items, events: facts.events, cessations, standingGrantIds };
}
