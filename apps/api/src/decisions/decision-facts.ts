import type { EntityManager } from '@mikro-orm/core';
import type { CessationFact, DataCategory } from '@steward/policy-core';
import { dialectOf, fromDbBoolean, fromDbJson, perDialect } from '../common/sql/dialect.js';
import { leanRows } from '../common/sql/lean-sql.js';
import { EXCEPTION_FACT_COLUMNS, exceptionShapeOf, type ExceptionShape } from '../exceptions/exception-facts.js';
import { agreementEventsSql, standingGrantsOf, type AgreementEventRow } from '../exceptions/standing-grants.js';
import { cessationOf } from '../requests/cessation-facts.js';

/** Everything decide() needs about one provider, purpose and recipient, as stored now. */
export interface DecisionFacts {
  providerExists: boolean;
  /** The provider's reference (for the reasons people read), null when there is no such provider. */
  providerReference: string | null;
  purpose: {
    id: string;
    key: string;
    title: string;
    titleJa: string;
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

// One statement, one round trip (each fact a scalar subquery aggregating its rows as JSON through
// the dialect): a decision is taken per use or hand-over, and on PostgreSQL eight separate reads
// cost eight round trips (bench/README.md). Built once per dialect.
const factsSql = perDialect((d) => {
  const obj = d.jsonObject;
  return (
    `select ${obj}(` +
    `'provider', (select reference from provider where id = :providerId),` +
    ` 'purpose', (select ${obj}(${d.jsonFields(['id', 'key', 'title_en', 'title_ja', 'categories', 'retired', 'consent_from_version'])}) from purpose where key = :purposeKey),` +
    ` 'recipient', (select name from recipient where id = :recipientId),` +
    ` 'events', ${d.jsonList(['id', 'action', 'occurred_at', 'sequence', 'policy_version'], 'consent_event where provider_id = :providerId and purpose_id = (select id from purpose where key = :purposeKey)', 'sequence')},` +
    ` 'items', ${d.jsonList(['id', 'category', 'publicly_available'], 'personal_data_item where provider_id = :providerId', 'id')},` +
    ` 'exceptions', ${d.jsonList(EXCEPTION_FACT_COLUMNS, "permitted_exception where status <> 'DRAFT'", 'id')},` +
    ` 'policy', (select ${obj}('number', number, 'content_hash', content_hash) from policy_version where status = 'PUBLISHED' order by number desc limit 1),` +
    ` 'cessations', ${d.jsonList(['action', 'purpose_key', 'recipient_id', 'since'], 'provider_cessation where provider_id = :providerId', 'since')},` +
    ` 'agreementEvents', ${agreementEventsSql(d, 'ce.provider_id = :providerId')}` +
    ') as facts'
  );
});

const parsed = fromDbJson;

/**
 * Reads the facts of one decision in one statement. `providerId` and `recipientId` must be
 * well-formed UUIDs (or null): PostgreSQL would refuse anything else as a uuid.
 */
export async function loadDecisionFacts(
  em: EntityManager,
  query: { providerId: string; purposeKey: string; recipientId: string | null },
): Promise<DecisionFacts> {
  const { providerId, purposeKey, recipientId } = query;
  const [row] = await leanRows<{ facts: unknown }>(em, {
    sql: factsSql(dialectOf(em)),
    params: { providerId, purposeKey, recipientId },
  });
  const facts = parsed<Record<string, unknown>>(row!.facts);
  const purpose = facts.purpose as Record<string, unknown> | null;
  const policy = facts.policy as { number: unknown; content_hash: string } | null;
  return {
    providerExists: facts.provider != null,
    providerReference: (facts.provider as string | null) ?? null,
    purpose: purpose
      ? {
          id: purpose.id as string,
          key: purpose.key as string,
          title: purpose.title_en as string,
          titleJa: purpose.title_ja as string,
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
    standingGrantIds: standingGrantsOf(facts.agreementEvents as AgreementEventRow[]),
  };
}
