import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, DateTimeType, type Rel } from '@mikro-orm/core';
import { COOKIE_CONSENT_ACTIONS, type CookieConsentAction } from '@steward/policy-core';
import { newId } from '../common/ids.js';
import { CookieSite } from './cookie-site.entity.js';

/**
 * Append-only: one row per choice or withdrawal a visitor made on a site. The visitor id is a
 * cookie-collected identifier, protected like personal data: sealed (AES-256-GCM, bound to the row)
 * and found through an HMAC blind index. `(site, idempotencyKey)` is unique, so a retried request
 * stores nothing new, even when the retries race. Written with lean SQL (cookie-consent.service.ts).
 */
@Entity({ tableName: 'cookie_consent_event' })
@Unique({ properties: ['site', 'idempotencyKey'] })
@Index({ properties: ['visitorIndex', 'occurredAt'] })
@Index({ properties: ['site', 'occurredAt'] })
export class CookieConsentEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  // No index of its own: (site, idempotencyKey) and (site, occurredAt) lead with it. One index
  // less per consent write, the hottest write there is (bench/README.md).
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

/** The current choice per site and visitor, written with each event (the events remain the truth). */
@Entity({ tableName: 'cookie_consent_state' })
export class CookieConsentState {
  // The primary key (site, visitorIndex) leads with it: no index of its own.
  @ManyToOne(() => CookieSite, { primary: true, deleteRule: 'cascade', index: false })
  site!: Rel<CookieSite>;

  @PrimaryKey({ type: 'string', length: 64 })
  visitorIndex!: string;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Enum({ items: () => [...COOKIE_CONSENT_ACTIONS], type: 'string' })
  action!: CookieConsentAction;

  @Property({ type: 'boolean' }) functional!: boolean;
  @Property({ type: 'boolean' }) analytics!: boolean;
  @Property({ type: 'boolean' }) marketing!: boolean;
  @Property({ type: 'boolean' }) gpc!: boolean;
  @Property({ type: 'integer' }) policyVersion!: number;

  @Property({ type: DateTimeType })
  recordedAt!: Date;
}

/** What the sealed visitor id is bound to: its row and its category. */
export function visitorSealContext(eventId: string): string {
  return `cookie-consent-event:${eventId}:COOKIE_IDENTIFIER`;
}
