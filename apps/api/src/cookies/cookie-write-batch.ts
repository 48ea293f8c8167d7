import type { EntityManager } from '@mikro-orm/core';
import { insertAuditRows } from '../audit/audit.queries.js';
import { auditRow } from '../audit/audit.service.js';
import { GroupCommitter } from '../common/group-commit.js';
import { consentWrites } from '../common/metrics.js';
import { dialectOf } from '../common/sql/dialect.js';
import { insertCookieEvents } from './cookie.queries.js';

/** One consent event ready to store (validated, visitor id sealed). */
export interface PendingCookieEvent {
  id: string;
  siteId: string;
  siteKey: string;
  visitorIndex: string;
  visitorSealed: string;
  action: 'CHOOSE' | 'WITHDRAW';
  functional: boolean;
  analytics: boolean;
  marketing: boolean;
  gpc: boolean;
  gpcApplied: boolean;
  policyVersion: number;
  idempotencyKey: string;
  payloadHash: string;
  at: Date;
  /** Audit detail: category names and flags, never the visitor id. */
  accepted: string[];
}

/** Events per transaction at most (PostgreSQL allows 65,535 parameters; 14 per event). */
const MAX_BATCH = 256;

/**
 * Group commit for the public consent write path (common/group-commit.ts). Requests that arrive
 * while a transaction is being written wait for it and then go together in the next one: one
 * multi-row insert of events (a repeated (visitor, site, idempotency key) does nothing, also within
 * the batch), one insert of their audit entries, one commit. A request alone is written after one
 * event-loop turn (no timer); under load the commit (fsync) and the statement overhead are shared.
 * SQLite has one writer anyway (one transaction in flight); PostgreSQL gets a few in parallel.
 * If the database refuses a batch, every request of it fails (no retry one by one: the insert
 * already skips repeated keys, so a refusal is not one request's doing). Nothing is kept between
 * batches: the database stays the only state.
 */
export class CookieWriteBatcher {
  private readonly committer: GroupCommitter<PendingCookieEvent, boolean>;

  constructor(private readonly em: EntityManager) {
    this.committer = new GroupCommitter({
      write: writeEvents,
      retryOneByOne: false,
      maxItems: MAX_BATCH,
      // One turn of the event loop first: SQLite's driver blocks the loop while it writes and
      // syncs, so requests that arrived meanwhile are still being parsed; they join this batch.
      gatherTurns: 1,
      maxInFlight: dialectOf(em).writers,
      name: 'cookie-consent',
    });
  }

  /** Resolves true when the event was stored, false when its (visitor, site, idempotency key) already was. */
  submit(event: PendingCookieEvent): Promise<boolean> {
    return this.committer.submit(this.em, event).then((stored) => {
      consentWrites.inc({ source: 'cookie-banner', result: stored ? 'stored' : 'repeat' });
      return stored;
    });
  }
}

/** One batch: the events and their audit entries in the transaction the group commit gives; per event, whether it was stored. */
async function writeEvents(tx: EntityManager, submitted: readonly PendingCookieEvent[]): Promise<boolean[]> {
  // In the unique key's order: concurrent PostgreSQL batches that clash on keys then take their
  // locks in the same order and wait for each other instead of deadlocking. (The sort is stable:
  // of two equal keys in one batch, the first submitted is the one stored.)
  const events = [...submitted].sort((a, b) => compareKeys(a, b));
  // Lean prepared statements (DESIGN.md §5: the ORM's execute inlines parameters and costs more than these statements).
  const inserted = await insertCookieEvents(tx, events);
  const stored = events.filter((e) => inserted.has(e.id));
  if (stored.length)
    await insertAuditRows(
      tx,
      stored.map((e) =>
        auditRow(
          {
            action: e.action === 'WITHDRAW' ? 'cookie_consent.withdraw' : 'cookie_consent.record',
            entityType: 'CookieConsentEvent',
            subject: e.id,
            detail: { siteId: e.siteId, accepted: e.accepted, gpc: e.gpc, gpcApplied: e.gpcApplied },
          },
          null,
          `cookie-banner:${e.siteKey}`,
          e.at,
        ),
      ),
    );
  return submitted.map((e) => inserted.has(e.id));
}

function compareKeys(a: PendingCookieEvent, b: PendingCookieEvent): number {
  const ka = `${a.visitorIndex}\u0000${a.siteId}\u0000${a.idempotencyKey}`;
  const kb = `${b.visitorIndex}\u0000${b.siteId}\u0000${b.idempotencyKey}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const batchers = new WeakMap<object, CookieWriteBatcher>();

/** The batcher of this database connection (one per server process and database). */
export function cookieWriteBatcher(em: EntityManager): CookieWriteBatcher {
  const conn = em.getConnection();
  let batcher = batchers.get(conn);
  if (!batcher) {
    batcher = new CookieWriteBatcher(em.fork());
    batchers.set(conn, batcher);
  }
  return batcher;
}
