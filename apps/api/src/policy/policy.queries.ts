import type { EntityManager } from '@mikro-orm/core';
import { leanRows, type Row } from '../common/sql/lean-sql.js';

// The policy's hand-written statements: the version in force (every write path reads it), the
// change log, and the re-consent impact counted in SQL over the consent-state projection (it must
// not load providers: there may be a million).

/**
 * Number and content hash of the version in force, if any. Kept lean: ORM em.findOne 74× the CPU on
 * SQLite, 12× on PostgreSQL (bench/screens.js, 2026-12-07).
 */
export async function currentPolicyRow(
  em: EntityManager,
): Promise<{ number: number | string; content_hash: string } | undefined> {
  const [row] = await leanRows<{ number: number | string; content_hash: string }>(em, {
    sql: "select number, content_hash from policy_version where status = 'PUBLISHED' order by number desc limit 1",
  });
  return row;
}

/**
 * The published versions, newest first. Kept lean: ORM em.find 51× the CPU on SQLite, 17× on
 * PostgreSQL (bench/screens.js, 2026-12-07).
 */
export function changeLogRows(
  em: EntityManager,
): Promise<{ number: number | string; published_at: unknown; change_summary: string }[]> {
  return leanRows(em, {
    sql: "select number, published_at, change_summary from policy_version where status = 'PUBLISHED' order by number desc",
  });
}

/** How many providers there are. */
export async function providerCount(em: EntityManager): Promise<number> {
  const [row] = await leanRows<{ n: number | string }>(em, { sql: 'select count(*) as n from provider' });
  return Number(row?.n ?? 0);
}

/** Per consent state of a purpose, how many providers have it, split by whether it was given under `fromVersion` or later (`fresh`). */
export function consentStateCounts<T = Row>(em: EntityManager, purposeKey: string, fromVersion: number): Promise<T[]> {
  return leanRows<T>(em, {
    sql:
      'select cs.state as state, case when ce.policy_version >= :fromVersion then 1 else 0 end as fresh, count(*) as n' +
      ' from consent_state cs join purpose p on p.id = cs.purpose_id left join consent_event ce on ce.id = cs.event_id' +
      ' where p.key = :purposeKey group by 1, 2',
    params: { fromVersion, purposeKey },
  });
}

/** How many providers granted every one of `purposeKeys` under `fromVersion` or later. */
export async function providersCoveredForAll(
  em: EntityManager,
  purposeKeys: readonly string[],
  fromVersion: number,
): Promise<number> {
  const [row] = await leanRows<{ n: number | string }>(em, {
    sql:
      'select count(*) as n from (select cs.provider_id from consent_state cs join purpose p on p.id = cs.purpose_id' +
      ' join consent_event ce on ce.id = cs.event_id' +
      " where p.key in (:purposeKeys) and cs.state = 'GRANTED' and ce.policy_version >= :fromVersion" +
      ' group by cs.provider_id having count(*) = :keyCount) t',
    params: { purposeKeys, fromVersion, keyCount: purposeKeys.length },
  });
  return Number(row?.n ?? 0);
}

/** One keyset page (by provider id) of the candidates lacking a consent to the purpose given under `policyNumber` or later. */
export function lackingProviderRows<T = Row>(
  em: EntityManager,
  q: { purposeId: string | null; afterId: string | null; policyNumber: number; rows: number },
): Promise<T[]> {
  return leanRows<T>(em, {
    sql:
      'select pr.id as id, pr.reference as reference, pr.kind as kind, cs.state as state, ce.policy_version as policy_version, cs.since as since, cs.event_id as event_id' +
      ' from provider pr left join consent_state cs on cs.provider_id = pr.id and cs.purpose_id = :purposeId' +
      ' left join consent_event ce on ce.id = cs.event_id' +
      ` where ${q.afterId ? 'pr.id > :afterId and ' : ''}(cs.state is null or cs.state <> 'GRANTED' or ce.policy_version < :policyNumber)` +
      ' order by pr.id limit :rows',
    params: q,
  });
}
