import type { EntityManager } from '@mikro-orm/core';
import { leanRows, type Row } from '../common/sql/lean-sql.js';

// The policy's hand-written statements: the version in force (every write path reads it), the
// change log, and the facts of the re-consent impact, grouped over the consent-state projection (it
// must not load providers: there may be a million); policy-core classifies and counts them.

/** Number and content hash of the version in force, if any. */
export async function currentPolicyRow(
  em: EntityManager,
): Promise<{ number: number | string; content_hash: string } | undefined> {
  const [row] = await leanRows<{ number: number | string; content_hash: string }>(em, {
    sql: "select number, content_hash from policy_version where status = 'PUBLISHED' order by number desc limit 1",
  });
  return row;
}

/** The published versions, newest first. */
export function changeLogRows(
  em: EntityManager,
): Promise<{ number: number | string; published_at: unknown; change_summary: string }[]> {
  return leanRows(em, {
    sql: "select number, published_at, change_summary from policy_version where status = 'PUBLISHED' order by number desc",
  });
}

/**
 * The facts policy-core's `countReconsent` counts, read in one statement (one snapshot): how many
 * providers there are (`total`), and the providers grouped by their consents to `purposeKeys` —
 * per key `k<i>`, the state (`s<i>`) and the policy version of the event it came from (`v<i>`), both
 * null when none is recorded — with how many share them (`n`). Providers with none of the keys
 * recorded are in no group (a row with `n = 0` stands for none). It groups the raw columns and
 * decides nothing: there may be a million providers, so they are counted, not loaded.
 */
export async function reconsentFactGroups(
  em: EntityManager,
  purposeKeys: readonly string[],
): Promise<{ total: number; groups: Row[] }> {
  if (!purposeKeys.length) {
    const [row] = await leanRows<{ n: number | string }>(em, { sql: 'select count(*) as n from provider' });
    return { total: Number(row?.n ?? 0), groups: [] };
  }
  const i = purposeKeys.map((_, k) => k);
  const params: Record<string, unknown> = { purposeKeys };
  for (const k of i) params[`k${k}`] = purposeKeys[k];
  const groups = await leanRows<Row>(em, {
    sql:
      `select c.total as total, ${i.map((k) => `t.s${k} as s${k}, t.v${k} as v${k}`).join(', ')},` +
      ' count(t.provider_id) as n from (select count(*) as total from provider) c left join' +
      ` (select cs.provider_id as provider_id, ${i
        .map(
          (k) =>
            `max(case when p.key = :k${k} then cs.state end) as s${k},` +
            ` max(case when p.key = :k${k} then ce.policy_version end) as v${k}`,
        )
        .join(', ')}` +
      ' from consent_state cs join purpose p on p.id = cs.purpose_id left join consent_event ce on ce.id = cs.event_id' +
      ' where p.key in (:purposeKeys) group by cs.provider_id) t on 1 = 1' +
      ` group by c.total, ${i.map((k) => `t.s${k}, t.v${k}`).join(', ')}`,
    params,
  });
  return { total: Number(groups[0]?.total ?? 0), groups };
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
