import type { PublicSite } from './cookie-public-input.js';

/** How many entries a notification reloads at once (the rest are dropped and load on their next use). */
const MAX_REFRESHED = 100;

/**
 * A read-through cache of facts an instance keeps in memory (a site by its key, the policy version
 * in force, the allowed origins), each entry tagged with the change stamp it was loaded under
 * (common/facts/change-stamps.ts). An entry answers a request only when its stamp is at least the
 * one the request read: a change committed anywhere moves the stamp, so the next request reloads.
 * Only configuration is kept, never anything a request wrote.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: number; value: Promise<V>; load: () => Promise<V> }>();

  constructor(private readonly maxEntries = 1000) {}

  get(key: string, stamp: number, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.stamp >= stamp) return hit.value;
    if (!hit && this.entries.size >= this.maxEntries) this.entries.clear();
    return this.store(key, stamp, load);
  }

  /**
   * A newer stamp heard of (PostgreSQL's notification, sent at commit): reloads the entries now,
   * so the next request finds them current. Only saves that request the wait: `get` never trusts an
   * entry older than the stamp its request read, notification or not.
   */
  refresh(stamp: number): void {
    let n = 0;
    for (const [key, entry] of [...this.entries]) {
      if (entry.stamp >= stamp) continue;
      if (n++ < MAX_REFRESHED) this.store(key, stamp, entry.load);
      else this.entries.delete(key);
    }
  }

  private store(key: string, stamp: number, load: () => Promise<V>): Promise<V> {
    const value = load();
    this.entries.set(key, { stamp, value, load });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}

export interface PublicCaches {
  sites: StampedCache<PublicSite | null>;
  policy: StampedCache<number>;
}

const caches = new WeakMap<object, PublicCaches>();

/** The caches of one database (keyed by its connection: one server process may serve several in tests). */
export function publicCaches(connection: object): PublicCaches {
  let c = caches.get(connection);
  if (!c) {
    c = { sites: new StampedCache<PublicSite | null>(), policy: new StampedCache<number>(1) };
    caches.set(connection, c);
  }
  return c;
}
