import type { EntityManager } from '@mikro-orm/core';
import type { CessationFact, DataCategory } from '@steward/policy-core';
import { fromDbBoolean, isSqlite, leanRows } from '../common/lean-sql.js';
import { jsonFactsSql, parsedJson } from '../common/json-facts.js';
import { EXCEPTION_FACT_COLUMNS, exceptionShapeOf, type ExceptionShape } from '../exceptions/exception-facts.js';
import { standingGrantsSql } from '../exceptions/standing-grants.js';
import { cessationOf } from '../requests/cessation-facts.js';

/** Everything decide() needs about one provider, purpose and recipient, as stored now. */
export interface DecisionFacts {
  providerExists: boolean;
  purpose: {
    id: string;
    key: string;
    title: string;
    categories: DataCategory[];
    retired: boolean;
    consentFromVersion: number;
  } | null;
  recipientExists: boolean;
  /** The recipient's name (for the reasons people read), null when there is no such recipient. */
  recipientName: string | null;
  /** The provider's consent events for the purpose. */
  events: { id: string; action: string; occurred_at: unknown; sequence: unknown; policy_version: unknown }[];
  items: { id: string; category: DataCategory; publicly_available: unknown }[];
  /** Every exception except drafts: policy-core judges status, validity and scope. */
  exceptions: ExceptionShape[];
  policy: { number: number; contentHash: string } | null;
  cessations: CessationFact[];
  /** The provider's GRANTs not withdrawn or refused since (read only while a provider agreement is active; policy-core's standingGrantIds). */
  standingGrantIds: string[];
}

// One statement, one round trip (common/json-facts.ts): a decision is taken per use or hand-over,
// and on PostgreSQL eight separate reads cost eight round trips (bench/README.md).
function factsSql(sqlite: boolean): string {
  const { obj, fields, list } = jsonFactsSql(sqlite);
  return (
    `select ${obj}(` +
    `'provider', (select count(*) from provider where id = ?),` +
    ` 'purpose', (select ${obj}(${fields(['id', 'key', 'title_en', 'categories', 'retired', 'consent_from_version'])}) from purpose where key = ?),` +
    ` 'recipient', (select name from recipient where id = ?),` +
    ` 'events', ${list(['id', 'action', 'occurred_at', 'sequence', 'policy_version'], 'consent_event where provider_id = ? and purpose_id = (select id from purpose where key = ?)', 'sequence')},` +
    ` 'items', ${list(['id', 'category', 'publicly_available'], 'personal_data_item where provider_id = ?', 'id')},` +
    ` 'exceptions', ${list(EXCEPTION_FACT_COLUMNS, "permitted_exception where status <> 'DRAFT'", 'id')},` +
    ` 'policy', (select ${obj}('number', number, 'content_hash', content_hash) from policy_version where status = 'PUBLISHED' order by number desc limit 1),` +
    ` 'cessations', ${list(['action', 'purpose_key', 'recipient_id', 'since'], 'provider_cessation where provider_id = ?', 'since')},` +
    ` 'standing', ${standingGrantsSql(sqlite, 'ce.provider_id = ?')}` +
    ') as facts'
  );
}

const SQL = { sqlite: factsSql(true), postgresql: factsSql(false) };

const parsed = parsedJson;

/**
 * Reads the facts of one decision in one statement. `providerId` and `recipientId` must be
 * well-formed UUIDs (or null): PostgreSQL would refuse anything else as a uuid.
 */
export async function loadDecisionFacts(
  em: EntityManager,
  query: { providerId: string; purposeKey: string; recipientId: string | null },
): Promise<DecisionFacts> {
  const sqlite = isSqlite(em);
  const { providerId, purposeKey, recipientId } = query;
  const [row] = await leanRows<{ facts: unknown }>(em, sqlite ? SQL.sqlite : SQL.postgresql, [
    providerId,
    purposeKey,
    recipientId,
    providerId,
    purposeKey,
    providerId,
    providerId,
    providerId,
  ]);
  const facts = parsed<Record<string, unknown>>(row!.facts);
  const purpose = facts.purpose as Record<string, unknown> | null;
  const policy = facts.policy as { number: unknown; content_hash: string } | null;
  return {
    providerExists: Number(facts.provider) > 0,
    purpose: purpose
      ? {
          id: purpose.id as string,
          key: purpose.key as string,
          title: purpose.title_en as string,
          categories: parsed<DataCategory[]>(purpose.categories),
          retired: fromDbBoolean(purpose.retired),
          consentFromVersion: Number(purpose.consent_from_version),
        }
      : null,
    recipientExists: facts.recipient != null,
    recipientName: (facts.recipient as string | null) ?? null,
    events: facts.events as DecisionFacts['events'],
    items: facts.items as DecisionFacts['items'],
    exceptions: (facts.exceptions as Record<string, unknown>[]).map(exceptionShapeOf),
    policy: policy ? { number: Number(policy.number), contentHash: policy.content_hash } : null,
    cessations: (facts.cessations as Record<string, unknown>[]).map(cessationOf),
    standingGrantIds: (facts.standing as { id: string }[]).map((g) => g.id),
  };
}
