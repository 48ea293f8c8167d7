import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from '../sql/dialect.js';
import { leanRows } from '../sql/lean-sql.js';

// The change stamp's statements (common/facts/change-stamp.entity.ts): one primary-key read per
// request, one update per change to a cached fact.

/** The PostgreSQL channel that carries each new stamp to every instance (LISTEN/NOTIFY). */
export const CHANGE_CHANNEL = 'steward_change_stamp';

/** The stamp now (in the caller's transaction, if any). */
export async function readChangeStamp(em: EntityManager): Promise<number> {
  const [row] = await leanRows<{ stamp: unknown }>(em, { sql: 'select stamp from change_stamp where id = 1' });
  return row ? Number(row.stamp) : 0;
}

/**
 * Moves the stamp by one in the caller's transaction and returns the new stamp. On PostgreSQL the
 * same statement queues a notification, delivered to the listening instances when (and only when)
 * the transaction commits.
 */
export async function bumpChangeStamp(em: EntityManager): Promise<number> {
  const sql =
    dialectOf(em).name === 'postgresql'
      ? 'with moved as (update change_stamp set stamp = stamp + 1 where id = 1 returning stamp)' +
        ` select stamp, pg_notify('${CHANGE_CHANNEL}', stamp::text) from moved`
      : 'update change_stamp set stamp = stamp + 1 where id = 1 returning stamp';
  const [row] = await leanRows<{ stamp: unknown }>(em, { sql });
  if (!row) throw new Error('The change stamp row is missing (migrations insert it)');
  return Number(row.stamp);
}

/** What a dedicated connection runs to hear every new stamp. */
export const LISTEN_SQL = `listen ${CHANGE_CHANNEL}`;
