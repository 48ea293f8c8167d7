import type { EntityManager } from '@mikro-orm/core';
import { leanCountUpTo, leanRows, type Row } from '../common/sql/lean-sql.js';

// The policy's hand-written statements: the version in force (every write path reads it), the
// change log, and the facts of the re-consent impact, grouped over the consent-state projection (it
// must not load providers: there may be a million); policy-core classifies and counts them.

/**
 * Number and content hash of the version in force, if any. Kept lean: ORM em.findOne 74× the CPU on
 * SQLite, 12× on PostgreSQL (bench/screens.js, 2026-12-07).
 */
export async function currentPolicyRow(
  em: EntityManager,
): Promise<{ number: number | string; content_hash: string; published_at: unknown } | undefined> {
  const [row] = await leanRows<{ number: number | string; content_hash: string; published_at: unknown }>(em, {
    sql: "select number, content_hash, published_at from policy_version where status = 'PUBLISHED' order by number desc limit 1",
  });
  return row;
}

/**
 * The published versions, newest first. Kept lean: ORM em.find 51× the CPU on SQLite, 17× on
 * PostgreSQL (bench/screens.js, 2026-12-07).
 */
export function changeLogRows(em: EntityManager): Promise<
  {
    number: number | string;
    published_at: unknown;
    change_summary: string;
    change_summary_ja: string | null;
    change_summary_en: string | null;
  }[]
> {
  return leanRows(em, {
    sql: "select number, published_at, change_summary, change_summary_ja, change_summary_en from policy_version where status = 'PUBLISHED' order by number desc",
  });
}

/**
 * The facts policy-core's `countReconsent` counts, in one statement (one snapshot), as rows of
 * `kind`: `facts` — per affected purpose (`purpose_key`), its providers grouped by consent state and
 * the policy version of the event it came from, with how many share them (`n`); `total` — how many
 * providers there are; `covered` — how many have, for every key, the covering consent policy-core's
 * `reconsentCover` names (`coverState` given under `coverFromVersion` or later). It groups raw
 * columns and decides nothing: there may be a million providers, so they are counted, not loaded.
 */
export function reconsentFactRows<T = Row>(
  em: EntityManager,
  q: { purposeKeys: readonly string[]; coverState: string; coverFromVersion: number },
): Promise<T[]> {
  return leanRows<T>(em, {
    sql:
      "select 'facts' as kind, p.key as purpose_key, cs.state as state, ce.policy_version as policy_version, count(*) as n" +
      ' from consent_state cs join purpose p on p.id = cs.purpose_id left join consent_event ce on ce.id = cs.event_id' +
      ' where p.key in (:purposeKeys) group by p.key, cs.state, ce.policy_version' +
      " union all select 'total', null, null, null, count(*) from provider" +
      " union all select 'covered', null, null, null, count(*) from (select cs.provider_id from consent_state cs" +
      ' join purpose p on p.id = cs.purpose_id join consent_event ce on ce.id = cs.event_id' +
      ' where p.key in (:purposeKeys) and cs.state = :coverState and ce.policy_version >= :coverFromVersion' +
      ' group by cs.provider_id having count(*) = :keyCount) t',
    params: { ...q, keyCount: q.purposeKeys.length },
  });
}

/** How many providers there are. */
export async function providerCount(em: EntityManager): Promise<number> {
  const [row] = await leanRows<{ n: number | string }>(em, { sql: 'select count(*) as n from provider' });
  return Number(row?.n ?? 0);
}

/**
 * One keyset page (by provider id) of the candidates lacking consent to the purpose: every provider
 * but those whose consent has the covering state (`coverState`) given under `coverFromVersion` or
 * later — policy-core's `reconsentCover` says which; its `lackingConsent` judges each row.
 */
export function lackingProviderRows<T = Row>(
  em: EntityManager,
  q: {
    purposeId: string | null;
    afterId: string | null;
    coverState: string;
    coverFromVersion: number;
    rows: number;
  },
): Promise<T[]> {
  return leanRows<T>(em, {
    sql:
      'select pr.id as id, pr.reference as reference, pr.kind as kind, cs.state as state, ce.policy_version as policy_version' +
      ' from provider pr left join consent_state cs on cs.provider_id = pr.id and cs.purpose_id = :purposeId' +
      ' left join consent_event ce on ce.id = cs.event_id' +
      ` where ${q.afterId ? 'pr.id > :afterId and ' : ''}(cs.state is null or cs.state <> :coverState` +
      ' or ce.policy_version is null or ce.policy_version < :coverFromVersion)' +
      ' order by pr.id limit :rows',
    params: q,
  });
}

/**
 * How many providers `lackingProviderRows` would walk through, reading at most `cap + 1`: the SQL's
 * condition is the candidates policy-core's `lackingConsent` then judges row by row (an upper bound when
 * it clears one).
 */
export function lackingProviderCountUpTo(
  em: EntityManager,
  q: { purposeId: string | null; coverState: string; coverFromVersion: number },
  cap: number,
): Promise<number> {
  return leanCountUpTo(
    em,
    {
      sql:
        'select 1 from provider pr left join consent_state cs on cs.provider_id = pr.id and cs.purpose_id = :purposeId' +
        ' left join consent_event ce on ce.id = cs.event_id' +
        ' where (cs.state is null or cs.state <> :coverState' +
        ' or ce.policy_version is null or ce.policy_version < :coverFromVersion)',
      params: q,
    },
    cap,
  );
}
