import type { EntityManager } from '@mikro-orm/core';
import { auditRow, insertAuditRows } from '../audit/audit.service.js';
import { isSqlite, leanRows, leanTransaction, placeholders, toDbDate, type Row } from '../common/lean-sql.js';

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

interface Waiting {
  event: PendingCookieEvent;
  resolve: (inserted: boolean) => void;
  reject: (err: unknown) => void;
}

/** Events per transaction at most (PostgreSQL allows 65,535 parameters; 14 per event). */
const MAX_BATCH = 256;

/**
 * Group commit for the public consent write path. Requests that arrive while a transaction is being
 * written wait for it and then go together in the next one: one multi-row insert of events (a
 * repeated (visitor, site, idempotency key) does nothing, also within the batch), one insert of their
 * audit entries, one commit. A request alone is written at once (no
 * timer, no added latency); under load the commit (fsync) and the statement overhead are shared.
 * SQLite has one writer anyway (one transaction in flight); PostgreSQL gets a few in parallel.
 * Nothing is kept between batches: the database stays the only state.
 */
export class CookieWriteBatcher {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  private readonly maxInFlight: number;
  private readonly sqlite: boolean;

  constructor(private readonly em: EntityManager) {
    this.sqlite = isSqlite(em);
    this.maxInFlight = this.sqlite ? 1 : 4;
  }

  /** Resolves true when the event was stored, false when its (visitor, site, idempotency key) already was. */
  submit(event: PendingCookieEvent): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (this.inFlight < this.maxInFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight++;
    try {
      while (this.queue.length) {
        // One turn of the event loop first: SQLite's driver blocks the loop while it writes and
        // syncs, so requests that arrived meanwhile are still being parsed; they join this batch.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const inserted = await this.write(batch.map((w) => w.event));
          for (const w of batch) w.resolve(inserted.has(w.event.id));
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.inFlight--;
    }
  }

  private async write(submitted: PendingCookieEvent[]): Promise<Set<string>> {
    // In the unique key's order: concurrent PostgreSQL batches that clash on keys then take their
    // locks in the same order and wait for each other instead of deadlocking. (The sort is stable:
    // of two equal keys in one batch, the first submitted is the one stored.)
    const events = [...submitted].sort((a, b) => compareKeys(a, b));
    const bool = this.sqlite ? (b: boolean) => (b ? 1 : 0) : (b: boolean) => b;
    const date = (d: Date) => toDbDate(this.em, d);
    // Lean prepared statements in a transaction of their own (DESIGN.md §5: the ORM's execute
    // inlines parameters and costs more than these statements).
    return leanTransaction(this.em, async (tx) => {
      const rows = await leanRows<Row>(
        tx,
        'insert into cookie_consent_event (id, site_id, visitor_index, visitor_sealed, action, functional, analytics, marketing, gpc, gpc_applied,' +
          ` policy_version, idempotency_key, payload_hash, occurred_at) values ${events.map(() => `(${placeholders(14)})`).join(', ')}` +
          ' on conflict (visitor_index, site_id, idempotency_key) do nothing returning id',
        events.flatMap((e) => [
          e.id,
          e.siteId,
          e.visitorIndex,
          e.visitorSealed,
          e.action,
          bool(e.functional),
          bool(e.analytics),
          bool(e.marketing),
          bool(e.gpc),
          bool(e.gpcApplied),
          e.policyVersion,
          e.idempotencyKey,
          e.payloadHash,
          date(e.at),
        ]),
      );
      const inserted = new Set<string>(rows.map((r: Row) => String(r.id)));
      const stored = events.filter((e) => inserted.has(e.id));
      if (!stored.length) return inserted;
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
      return inserted;
    });
  }
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
