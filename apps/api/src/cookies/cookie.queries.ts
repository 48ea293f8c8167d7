import type { EntityManager } from '@mikro-orm/core';
import { dialectOf, perDialect } from '../common/sql/dialect.js';
import { leanRows, type Row } from '../common/sql/lean-sql.js';
import type { PendingCookieEvent } from './cookie-write-batch.js';

// Cookie consent's hand-written statements. The public ones (site by key, newest event, replay,
// the batched insert) are on the benchmarked consent path; stats aggregate per day in SQL.

const DAY_MS = 86_400_000;

/** Every site's allowed origins (the CORS check's cache). */
export function allowedOriginRows(em: EntityManager): Promise<{ allowed_origins: unknown }[]> {
  return leanRows(em, { sql: 'select allowed_origins from cookie_site' });
}

/** The site a public key names. */
export async function cookieSiteByKey<T = Row>(em: EntityManager, siteKey: string): Promise<T | undefined> {
  const [row] = await leanRows<T>(em, {
    sql: 'select id, allowed_origins, honours_gpc, consent_lifetime_days from cookie_site where site_key = :siteKey',
    params: { siteKey },
  });
  return row;
}

/** The newest event of the visitor on the site (a handful of rows: the unique index's prefix). */
export async function newestEvent<T = Row>(
  em: EntityManager,
  visitorIndex: string,
  siteId: string,
): Promise<T | undefined> {
  const [row] = await leanRows<T>(em, {
    sql:
      'select id, action, functional, analytics, marketing, gpc, policy_version, occurred_at from cookie_consent_event' +
      ' where visitor_index = :visitorIndex and site_id = :siteId order by occurred_at desc, id desc limit 1',
    params: { visitorIndex, siteId },
  });
  return row;
}

/** The event a (visitor, site, idempotency key) stored. */
export async function eventByIdempotencyKey<T = Row>(
  em: EntityManager,
  visitorIndex: string,
  siteId: string,
  idempotencyKey: string,
): Promise<T | undefined> {
  const [row] = await leanRows<T>(em, {
    sql:
      'select id, action, functional, analytics, marketing, gpc, gpc_applied, policy_version, payload_hash, occurred_at' +
      ' from cookie_consent_event where visitor_index = :visitorIndex and site_id = :siteId and idempotency_key = :idempotencyKey',
    params: { visitorIndex, siteId, idempotencyKey },
  });
  return row;
}

const HISTORY_COLUMNS =
  'select e.id, e.site_id, s.name as site_name, e.visitor_sealed, e.action, e.functional, e.analytics, e.marketing, e.gpc, e.gpc_applied,' +
  ' e.policy_version, e.payload_hash, e.occurred_at from cookie_consent_event e join cookie_site s on s.id = e.site_id where e.visitor_index = :visitorIndex';

/** One keyset page (by time, id) of a visitor's events on every site, after `after` (its time as the database gave it). */
export function visitorHistoryPage<T = Row>(
  em: EntityManager,
  visitorIndex: string,
  after: { at: unknown; id: string } | null,
  limit: number,
): Promise<T[]> {
  const order = ' order by e.occurred_at, e.id limit :limit';
  return leanRows<T>(
    em,
    after
      ? {
          sql: `${HISTORY_COLUMNS} and (e.occurred_at > :afterAt or (e.occurred_at = :afterAt and e.id > :afterId))${order}`,
          params: { visitorIndex, afterAt: after.at, afterId: after.id, limit },
        }
      : { sql: HISTORY_COLUMNS + order, params: { visitorIndex, limit } },
  );
}

const statsSql = perDialect((d) => {
  const day = d.dayBucket('occurred_at');
  return (
    `select day, sum(case when action = 'CHOOSE' then 1 else 0 end) as choices,` +
    ` sum(case when action = 'WITHDRAW' then 1 else 0 end) as withdrawals, ${d.countTrue('gpc')} as gpc,` +
    ` ${d.countTrue('functional')} as functional, ${d.countTrue('analytics')} as analytics, ${d.countTrue('marketing')} as marketing` +
    ` from (select ${day} as day, action, gpc, functional, analytics, marketing,` +
    ` row_number() over (partition by visitor_index, ${day} order by occurred_at desc, id desc) as newest` +
    ' from cookie_consent_event where site_id = :siteId and occurred_at >= :from) last_of_day' +
    ' where newest = 1 group by day order by day'
  );
});

/**
 * Visitors per UTC day since `fromDay` (days since the epoch), each counted once a day by their last
 * event that day. One statement on both databases: the (site, time) index finds the rows, a window
 * function keeps each visitor's newest of the day. Lean: a window function over day buckets has no
 * ORM form (the ORM alternative loads every event of the period).
 */
export function cookieStatsRows(
  em: EntityManager,
  siteId: string,
  fromDay: number,
): Promise<
  Record<'day' | 'choices' | 'withdrawals' | 'gpc' | 'functional' | 'analytics' | 'marketing', number | string>[]
> {
  const d = dialectOf(em);
  return leanRows(em, { sql: statsSql(d), params: { siteId, from: d.toDbDate(new Date(fromDay * DAY_MS)) } });
}

const EVENT_COLUMNS = [
  'id',
  'siteId',
  'visitorIndex',
  'visitorSealed',
  'action',
  'functional',
  'analytics',
  'marketing',
  'gpc',
  'gpcApplied',
  'policyVersion',
  'idempotencyKey',
  'payloadHash',
  'at',
] as const;

/** Insert texts by number of events (the same batch size gives the same text, prepared once). */
const insertTexts = new Map<number, string>();
/** Parameter names of the i-th event (`id3`, `siteId3`, …), made once. */
const eventNames: string[][] = [];
const namesOf = (i: number) => (eventNames[i] ??= EVENT_COLUMNS.map((c) => `${c}${i}`));

function insertEventsSql(n: number): string {
  let sql = insertTexts.get(n);
  if (sql === undefined) {
    const rows = Array.from(
      { length: n },
      (_, i) =>
        `(${namesOf(i)
          .map((name) => `:${name}`)
          .join(', ')})`,
    );
    sql =
      'insert into cookie_consent_event (id, site_id, visitor_index, visitor_sealed, action, functional, analytics, marketing, gpc, gpc_applied,' +
      ` policy_version, idempotency_key, payload_hash, occurred_at) values ${rows.join(', ')}` +
      ' on conflict (visitor_index, site_id, idempotency_key) do nothing returning id';
    insertTexts.set(n, sql);
  }
  return sql;
}

/** Inserts the events (one multi-row statement; a repeated (visitor, site, idempotency key) does nothing) and returns the ids stored. */
export async function insertCookieEvents(
  tx: EntityManager,
  events: readonly PendingCookieEvent[],
): Promise<Set<string>> {
  const d = dialectOf(tx);
  const params: Record<string, unknown> = {};
  events.forEach((e, i) => {
    const row: Record<(typeof EVENT_COLUMNS)[number], unknown> = {
      id: e.id,
      siteId: e.siteId,
      visitorIndex: e.visitorIndex,
      visitorSealed: e.visitorSealed,
      action: e.action,
      functional: d.toDbBoolean(e.functional),
      analytics: d.toDbBoolean(e.analytics),
      marketing: d.toDbBoolean(e.marketing),
      gpc: d.toDbBoolean(e.gpc),
      gpcApplied: d.toDbBoolean(e.gpcApplied),
      policyVersion: e.policyVersion,
      idempotencyKey: e.idempotencyKey,
      payloadHash: e.payloadHash,
      at: d.toDbDate(e.at),
    };
    const names = namesOf(i);
    for (let k = 0; k < names.length; k++) params[names[k]!] = row[EVENT_COLUMNS[k]!];
  });
  const rows = await leanRows<{ id: unknown }>(tx, { sql: insertEventsSql(events.length), params });
  return new Set(rows.map((r) => String(r.id)));
}
