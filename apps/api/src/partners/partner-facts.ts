import type { EntityManager } from '@mikro-orm/core';
import type { CessationFact, DataCategory } from '@steward/policy-core';
import { dialectOf, fromDbBoolean, fromDbJson as parsedJson, perDialect, type Dialect } from '../common/sql/dialect.js';
import { leanCountUpTo, leanRows } from '../common/sql/lean-sql.js';
import { EXCEPTION_FACT_COLUMNS, exceptionShapeOf, type ExceptionShape } from '../exceptions/exception-facts.js';
import { agreementEventsSql, standingGrantsByProvider, type AgreementEventRow } from '../exceptions/standing-grants.js';
import { cessationOf } from '../requests/cessation-facts.js';
import type { SealedItemRow } from './partner.presenter.js';

// A partner read takes two statements (each fact aggregated as JSON through common/sql/dialect.ts): what the recipient's exceptions
// reach, then the page of providers in that reach with everything decide() needs about them. It
// took seven round trips before, which on PostgreSQL cost more than the rest of the request.

/** What a partner read needs before it knows which providers: the recipient's active exceptions, the purposes, the policy in force. */
export interface PartnerScopeFacts {
  exceptions: ExceptionShape[];
  purposes: { id: string; key: string; categories: DataCategory[]; retired: boolean; consentFromVersion: number }[];
  policyNumber: number | null;
}

/** Which of the recipient's exceptions a read needs: those in force (a partner read), or every approved one, revoked ones too (the change feed). */
const EXCEPTIONS = {
  active: "status = 'ACTIVE'",
  approved: "status in ('ACTIVE', 'REVOKED') and approved_at is not null",
} as const;

const scopeSqlFor = (exceptions: string) =>
  perDialect((d) => {
    return (
      `select ${d.jsonObject}(` +
      `'exceptions', ${d.jsonList(EXCEPTION_FACT_COLUMNS, `permitted_exception where recipient_id = :recipientId and ${exceptions}`, 'id')},` +
      ` 'purposes', ${d.jsonList(['id', 'key', 'categories', 'retired', 'consent_from_version'], 'purpose', 'key')},` +
      ` 'policy', (select max(number) from policy_version where status = 'PUBLISHED')` +
      ') as facts'
    );
  });
const scopeSql = { active: scopeSqlFor(EXCEPTIONS.active), approved: scopeSqlFor(EXCEPTIONS.approved) };

export async function loadPartnerScopeFacts(
  em: EntityManager,
  recipientId: string,
  exceptions: keyof typeof EXCEPTIONS = 'active',
): Promise<PartnerScopeFacts> {
  const [row] = await leanRows<{ facts: unknown }>(em, {
    sql: scopeSql[exceptions](dialectOf(em)),
    params: { recipientId },
  });
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

/**
 * What one exception in effect may reach: its providers (null: all) and, for outsourcing, the stated
 * purpose it serves (only providers whose data may be used for it: consent GRANTED, or an item they
 * made public).
 */
export interface PartnerReach {
  providerIds: readonly string[] | null;
  servedPurposeId: string | null;
}

export interface PartnerPageQuery {
  /** The providers the exceptions may cover: any of these (at least one). */
  reach: readonly PartnerReach[];
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

/** Statement texts by shape: the same exceptions give the same text, so it is built once (bounded: the reach varies with them). */
const pageSqlByShape = new Map<string, string>();

/** SQL over `p` (provider) selecting the providers `reach` covers; parameters `:reach<i>Ids`, `:reach<i>Served`. */
function reachSql(reach: readonly PartnerReach[]): string {
  const disjuncts = reach.map((r, i) => {
    const parts: string[] = [];
    if (r.providerIds) parts.push(`p.id in (:reach${i}Ids)`);
    if (r.servedPurposeId !== null)
      parts.push(
        `(exists (select 1 from consent_state cs where cs.provider_id = p.id and cs.purpose_id = :reach${i}Served and cs.state = 'GRANTED')` +
          ' or exists (select 1 from personal_data_item pi where pi.provider_id = p.id and pi.publicly_available = :publiclyAvailable))',
      );
    return parts.length ? `(${parts.join(' and ')})` : '(1 = 1)';
  });
  return `(${disjuncts.join(' or ')})`;
}

function pageSql(d: Dialect, query: PartnerPageQuery): string {
  const reachShape = query.reach.map((r) => `${r.providerIds ? 1 : 0}${r.servedPurposeId !== null ? 1 : 0}`).join('');
  const shape = `${d.name}|${query.id ? 1 : 0}|${query.afterId ? 1 : 0}|${query.categories.length ? 1 : 0}|${query.purposeKeys.length ? 1 : 0}|${query.standingGrants ? 1 : 0}|${reachShape}`;
  const cached = pageSqlByShape.get(shape);
  if (cached) return cached;
  const list = d.jsonList;
  const empty = d.emptyJsonArray;
  const page =
    `select p.id from provider p where ${reachSql(query.reach)}` +
    (query.id ? ' and p.id = :id' : '') +
    (query.afterId ? ' and p.id < :afterId' : '') +
    ' order by p.id desc limit :rows';
  const inPage = 'provider_id in (select id from page)';
  const items = query.categories.length
    ? list(
        ['id', 'provider_id', 'category', 'value_sealed', 'publicly_available'],
        `personal_data_item where ${inPage} and category in (:categories)`,
        'id',
      )
    : empty;
  const events = query.purposeKeys.length
    ? list(
        ['id', 'provider_id', 'purpose_key', 'action', 'occurred_at', 'sequence', 'policy_version'],
        '(select ce.id, ce.provider_id, pu.key as purpose_key, ce.action, ce.occurred_at, ce.sequence, ce.policy_version' +
          ` from consent_event ce join purpose pu on pu.id = ce.purpose_id where ce.${inPage} and pu.key in (:purposeKeys)) e`,
        'id',
      )
    : empty;
  const sql =
    `with page as (${page}) select ${d.jsonObject}(` +
    `'rows', ${list(['id'], 'page', 'id desc')},` +
    ` 'items', ${items},` +
    ` 'events', ${events},` +
    ` 'cessations', ${list(['provider_id', 'action', 'purpose_key', 'recipient_id', 'since'], `provider_cessation where ${inPage}`, 'since')},` +
    ` 'agreementEvents', ${query.standingGrants ? agreementEventsSql(d, `ce.${inPage}`, ['provider_id']) : empty}` +
    ') as facts';
  if (pageSqlByShape.size < 200) pageSqlByShape.set(shape, sql);
  return sql;
}

/** The providers of one page in reach (newest first) with their items, consent events and cessations, in one statement. */
export async function loadPartnerPage(em: EntityManager, query: PartnerPageQuery): Promise<PartnerPageFacts> {
  const params: Record<string, unknown> = {
    id: query.id,
    afterId: query.afterId,
    rows: query.rows,
    categories: query.categories,
    purposeKeys: query.purposeKeys,
    publiclyAvailable: true,
  };
  query.reach.forEach((r, i) => {
    params[`reach${i}Ids`] = r.providerIds;
    params[`reach${i}Served`] = r.servedPurposeId;
  });
  const [row] = await leanRows<{ facts: unknown }>(em, { sql: pageSql(dialectOf(em), query), params });
  const facts = parsedJson<{
    rows: PartnerProviderRow[];
    items: PartnerItemRow[];
    events: PartnerEventRow[];
    cessations: Record<string, unknown>[];
    agreementEvents: AgreementEventRow[];
  }>(row!.facts);
  const cessations = new Map<string, CessationFact[]>();
  for (const c of facts.cessations) {
    const providerId = c.provider_id as string;
    cessations.set(providerId, [...(cessations.get(providerId) ?? []), cessationOf(c)]);
  }
  const standingGrantIds = standingGrantsByProvider(facts.agreementEvents);
  return { rows: facts.rows, items: facts.items, events: facts.events, cessations, standingGrantIds };
}

/**
 * How many providers `reach` covers, reading at most `cap + 1` (the partner list's `totalCount`). The
 * decision per provider still comes after: a covered provider for whom nothing is permitted (a
 * cessation, a withdrawn agreement) is counted but left out of its page.
 */
export function partnerReachCountUpTo(em: EntityManager, reach: readonly PartnerReach[], cap: number): Promise<number> {
  const params: Record<string, unknown> = { publiclyAvailable: true };
  reach.forEach((r, i) => {
    params[`reach${i}Ids`] = r.providerIds;
    params[`reach${i}Served`] = r.servedPurposeId;
  });
  return leanCountUpTo(em, { sql: `select 1 from provider p where ${reachSql(reach)}`, params }, cap);
}
