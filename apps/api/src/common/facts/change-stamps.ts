import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from '../sql/dialect.js';
import { dedicatedPgConnection } from '../sql/driver-pool.js';
import { CHANGE_CHANNEL, LISTEN_SQL, readChangeStamp } from './change-stamp.queries.js';

/** How long the listener waits before it connects again after losing its connection (doubling up to the last). */
const RECONNECT_MS = [100, 500, 2_000, 10_000];

/**
 * The change stamp as one instance sees it (common/facts/change-stamp.entity.ts).
 *
 * Correctness: `of(request)` reads the stamp once per request (every later caller in the same
 * request shares that read), and a cache trusts an entry only when it was loaded under the stamp
 * the request read (StampedCache). A change bumps the stamp in its own transaction, so any request
 * that arrives after the change committed reads the new stamp and reloads what it uses: the next
 * request after a commit sees it, on every instance, whatever else happens.
 *
 * Latency: on PostgreSQL the instance also LISTENs for the stamp's notification (sent by the
 * database at commit) and has its caches reload at once, so the request that follows usually finds
 * them loaded already. A notification lost (connection dropped, instance paused) only costs that
 * request the reload: it never serves a stale fact.
 */
export class ChangeStamps {
  private readonly perRequest = new WeakMap<object, Promise<number>>();
  private readonly subscribers = new Set<(stamp: number) => void>();
  private listener: { close(): Promise<void> } | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  /** `em`: the root EntityManager (the stamp is read outside any request's transaction). */
  constructor(private readonly em: EntityManager) {}

  /** The stamp for `request` (any object that lives as long as the request): read once, on first use. */
  of(request: object): Promise<number> {
    let stamp = this.perRequest.get(request);
    if (!stamp) {
      stamp = readChangeStamp(this.em);
      this.perRequest.set(request, stamp);
      stamp.catch(() => this.perRequest.delete(request));
    }
    return stamp;
  }

  /** Calls `subscriber` with each new stamp this instance hears of (PostgreSQL's notifications). */
  subscribe(subscriber: (stamp: number) => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** PostgreSQL: starts listening (once; a no-op on SQLite, where this instance is the only one). */
  listen(onError: (err: unknown) => void): void {
    if (dialectOf(this.em).name !== 'postgresql' || this.listener || this.stopped) return;
    this.listener = { close: async () => undefined };
    void this.connect(0, onError);
  }

  private async connect(attempt: number, onError: (err: unknown) => void): Promise<void> {
    if (this.stopped) return;
    let dedicated: Awaited<ReturnType<typeof dedicatedPgConnection>> | null = null;
    let lost = false;
    const again = (err: unknown) => {
      if (lost || this.stopped) return;
      lost = true;
      onError(err);
      void dedicated?.close().catch(() => undefined);
      dedicated = null;
      const wait = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]!;
      this.retry = setTimeout(() => {
        this.retry = null;
        void this.connect(attempt + 1, onError);
      }, wait);
      this.retry.unref();
    };
    try {
      dedicated = await dedicatedPgConnection(this.em);
      const connection = dedicated.connection;
      connection.on('error', again);
      connection.on('end', () => again(new Error('The change-stamp listener lost its connection')));
      connection.on('notification', (message) => {
        if (message.channel !== CHANGE_CHANNEL) return;
        const stamp = Number(message.payload);
        if (Number.isFinite(stamp)) for (const subscriber of this.subscribers) subscriber(stamp);
      });
      await connection.query({ text: LISTEN_SQL, values: [] });
      if (this.stopped) return void (await dedicated.close());
      const mine = dedicated;
      this.listener = { close: () => mine.close() };
      attempt = 0;
    } catch (err) {
      again(err);
    }
  }

  /** Stops listening (the server closes). */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.listener?.close().catch(() => undefined);
  }
}
