import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, DateTimeType, type Rel } from '@mikro-orm/core';
import { COOKIE_CONSENT_ACTIONS, type CookieConsentAction } from '@steward/policy-core';
import { newId } from '../common/ids.js';
import { CookieSite } from './cookie-site.entity.js';

/**
 * Append-only: one row per choice or withdrawal a visitor made on a site — the only record of them;
 * a visitor's current choice is their newest event on the site. The visitor id is a
 * cookie-collected identifier, protected like personal data: sealed (AES-256-GCM, bound to the row)
 * and found through an HMAC blind index. `(visitorIndex, site, idempotencyKey)` is unique, so a
 * retried request stores nothing new, even when the retries race; a key belongs to the visitor that
 * sent it. Written with lean SQL (cookie-write-batch.ts).
 *
 * One random-keyed index per row, on purpose: the blind index is random, and every index keyed by it
 * costs each write a page of its own once the table is large (bench/README.md, cookie consent). That
 * one unique index also finds a visitor's events (history, disclosure, the current choice); the
 * others grow at their right edge (time-ordered ids and times).
 */
@Entity({ tableName: 'cookie_consent_event' })
@Unique({
  name: 'cookie_consent_event_visitor_site_key_unique',
  properties: ['visitorIndex', 'site', 'idempotencyKey'],
})
@Index({ properties: ['site', 'occurredAt'] })
export class CookieConsentEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  // No index of its own: (site, occurredAt) leads with it (and serves the cascade when a site goes).
  @ManyToOne(() => CookieSite, { deleteRule: 'cascade', index: false })
  site!: Rel<CookieSite>;

  @Property({ type: 'string', length: 64 })
  visitorIndex!: string;

  @Property({ type: 'text', hidden: true })
  visitorSealed!: string;

  @Enum({ items: () => [...COOKIE_CONSENT_ACTIONS], type: 'string' })
  action!: CookieConsentAction;

  @Property({ type: 'boolean' }) functional!: boolean;
  @Property({ type: 'boolean' }) analytics!: boolean;
  @Property({ type: 'boolean' }) marketing!: boolean;

  /** The visitor's browser sent a Global Privacy Control signal. */
  @Property({ type: 'boolean' })
  gpc!: boolean;

  /** The signal turned a category the visitor asked for off (the site honours GPC). */
  @Property({ type: 'boolean' })
  gpcApplied!: boolean;

  /** The policy version the banner showed. */
  @Property({ type: 'integer' })
  policyVersion!: number;

  @Property({ type: 'string', length: 64 })
  idempotencyKey!: string;

  /** SHA-256 of the request as submitted: a retry must match it. */
  @Property({ type: 'string', length: 64 })
  payloadHash!: string;

  @Property({ type: DateTimeType })
  occurredAt!: Date;
}

/** What the sealed visitor id is bound to: its row and its category. */
export function visitorSealContext(eventId: string): string {
  return `cookie-consent-event:${eventId}:COOKIE_IDENTIFIER`;
}
