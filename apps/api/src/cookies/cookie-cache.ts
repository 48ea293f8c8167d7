import type { PublicSite } from './cookie-public-input.js';

/** How long an instance trusts what it read about a site or the policy in force (other instances' edits show up after this). */
export const PUBLIC_CACHE_TTL_MS = 5_000;

/**
 * A small read-through cache for the public consent API's lookups (a site by its key, the policy
 * version in force), so the write path does not read them on every request. Entries live
 * PUBLIC_CACHE_TTL_MS; a change made through this instance clears them at once. Only configuration
 * is kept, never anything a request wrote, so several instances stay correct (at most a few seconds
 * late for an edit made elsewhere).
 */
let generation = 0;

/** Called when sites change through this instance: every cached entry is stale at once. */
export function invalidatePublicCaches(): void {
  generation++;
}

export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; generation: number; value: Promise<V | null> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: string, now: Date, load: () => Promise<V | null>): Promise<V | null> {
    const hit = this.entries.get(key);
    const t = now.getTime();
    if (hit && hit.generation === generation && t - hit.at < this.ttlMs && t >= hit.at) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = load();
    this.entries.set(key, { at: t, generation, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<object, { sites: TtlCache<PublicSite>; policy: TtlCache<number> }>();

/** The caches of one database (keyed by its connection: one server process may serve several in tests). */
export function publicCaches(connection: object): { sites: TtlCache<PublicSite>; policy: TtlCache<number> } {
  let c = caches.get(connection);
  if (!c) {
    c = { sites: new TtlCache<PublicSite>(PUBLIC_CACHE_TTL_MS), policy: new TtlCache<number>(PUBLIC_CACHE_TTL_MS, 1) };
    caches.set(connection, c);
  }
  return c;
}
