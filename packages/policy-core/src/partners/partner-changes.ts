import { consentFor, type ConsentEventFact } from '../consent/consent-state.js';
import { standingGrantIds } from '../consent/standing-grants.js';
import type { CessationFact } from '../decision/cessation.js';
import { decide } from '../decision/decide.js';
import type { PermittedExceptionFact } from '../exceptions/exception-evidence.js';
import type { DataItemFact, PurposeFact } from '../use/may-use-for-purpose.js';
import { DATA_CATEGORIES, type DataCategory } from '../vocabulary/data-categories.js';
import { memberOf } from '../vocabulary/guard.js';

// A partner's change feed: which writes and moments change what one recipient may read about one
// provider. The API finds the candidates (consent events, cessations, amendments, new providers,
// exception moments) and asks here, with the facts as they stood just before and at each moment.

/** What changed for the partner about one provider. */
export const PARTNER_CHANGE_KINDS = [
  'ADDED_TO_SCOPE',
  'REMOVED_FROM_SCOPE',
  'CATEGORIES_CHANGED',
  'DATA_CHANGED',
] as const;
export type PartnerChangeKind = (typeof PARTNER_CHANGE_KINDS)[number];
export const isPartnerChangeKind = memberOf(PARTNER_CHANGE_KINDS);

/** Why it changed: the kind of write or moment behind it. */
export const PARTNER_CHANGE_REASONS = [
  'NEW_PROVIDER',
  'EXCEPTION_IN_EFFECT',
  'CONSENT_GIVEN',
  'CONSENT_WITHDRAWN',
  'CESSATION',
  'EXCEPTION_REVOKED',
  'EXCEPTION_EXPIRED',
  'AMENDMENT',
] as const;
export type PartnerChangeReason = (typeof PARTNER_CHANGE_REASONS)[number];
export const isPartnerChangeReason = memberOf(PARTNER_CHANGE_REASONS);

/** One write or moment that may have changed what the recipient may read (an amendment names its category). */
export type PartnerChangeCause = { reason: PartnerChangeReason; category?: DataCategory };

/** What the partner is told: the kind, one reason, and the categories concerned that it may still read. */
export type PartnerChange = { kind: PartnerChangeKind; reason: PartnerChangeReason; categories: DataCategory[] };

/** Which cause explains a widening first, and which a narrowing (a revocation outranks a withdrawal at the same instant). */
const WIDENING: readonly PartnerChangeReason[] = ['NEW_PROVIDER', 'EXCEPTION_IN_EFFECT', 'CONSENT_GIVEN'];
const NARROWING: readonly PartnerChangeReason[] = [
  'EXCEPTION_REVOKED',
  'EXCEPTION_EXPIRED',
  'CESSATION',
  'CONSENT_WITHDRAWN',
];

function explain(
  causes: readonly PartnerChangeCause[],
  preferred: readonly PartnerChangeReason[],
): PartnerChangeReason {
  return preferred.find((r) => causes.some((c) => c.reason === r)) ?? causes[0]!.reason;
}

/**
 * What one provider's causes at one instant change for the recipient, given the categories it may
 * read just before (`before`) and at that instant (`after`); null when nothing it can see changed.
 * - Nothing before and nothing after: null. A provider outside the scope never appears, whatever changes.
 * - Nothing before, some after: ADDED_TO_SCOPE (the categories now readable).
 * - Some before, nothing after: REMOVED_FROM_SCOPE (no categories: nothing more may be read).
 * - Both, but different: CATEGORIES_CHANGED (the categories now readable).
 * - The same: DATA_CHANGED when an amended category is among them (only those), otherwise null:
 *   an amendment of a category the recipient may not read is not its business.
 * No causes: null.
 */
export function partnerChange(input: {
  before: readonly DataCategory[];
  after: readonly DataCategory[];
  causes: readonly PartnerChangeCause[];
}): PartnerChange | null {
  const { causes } = input;
  if (causes.length === 0) return null;
  const before = new Set(input.before);
  const after = DATA_CATEGORIES.filter((c) => input.after.includes(c));
  if (before.size === 0 && after.length === 0) return null;
  if (before.size === 0) return { kind: 'ADDED_TO_SCOPE', reason: explain(causes, WIDENING), categories: after };
  if (after.length === 0) return { kind: 'REMOVED_FROM_SCOPE', reason: explain(causes, NARROWING), categories: [] };
  const lost = [...before].some((c) => !after.includes(c));
  const gained = after.some((c) => !before.has(c));
  if (lost || gained) {
    return {
      kind: 'CATEGORIES_CHANGED',
      reason: explain(causes, lost ? NARROWING : WIDENING),
      categories: after,
    };
  }
  const amended = after.filter((c) => causes.some((k) => k.reason === 'AMENDMENT' && k.category === c));
  return amended.length ? { kind: 'DATA_CHANGED', reason: 'AMENDMENT', categories: amended } : null;
}

/** A moment at which an exception starts or stops counting, with no write at that instant (validFrom, validUntil) or with one. */
export type ExceptionMoment = { at: Date; reason: 'EXCEPTION_IN_EFFECT' | 'EXCEPTION_REVOKED' | 'EXCEPTION_EXPIRED' };

/**
 * The moments in `[from, to]` at which an approved exception comes into effect (the later of its
 * approval and `validFrom`), is revoked, or expires (`validUntil`, exclusive: it no longer counts at
 * that instant) — an expiry is a moment the feed computes, since nothing is written when it bites.
 * A moment after the exception already stopped counting (revoked before it expired, expired before
 * it was revoked, revoked or expired before it came into effect) is not one. A draft has none.
 */
export function exceptionMoments(exception: PermittedExceptionFact, from: Date, to: Date): ExceptionMoment[] {
  const { approvedAt, revokedAt, validFrom, validUntil } = exception;
  if (exception.status === 'DRAFT' || approvedAt === null) return [];
  const start = Math.max(approvedAt.getTime(), validFrom.getTime());
  const end = Math.min(revokedAt?.getTime() ?? Infinity, validUntil?.getTime() ?? Infinity);
  const moments: ExceptionMoment[] = [];
  if (start < end) {
    moments.push({ at: new Date(start), reason: 'EXCEPTION_IN_EFFECT' });
    if (end !== Infinity) {
      const revoked = revokedAt !== null && revokedAt.getTime() === end;
      moments.push({ at: new Date(end), reason: revoked ? 'EXCEPTION_REVOKED' : 'EXCEPTION_EXPIRED' });
    }
  }
  return moments.filter((m) => m.at.getTime() >= from.getTime() && m.at.getTime() <= to.getTime());
}

/** What one recipient's standing toward one provider depends on; facts recorded after `at` are left out here. */
export type RecipientStandingInput = {
  providerId: string;
  recipientId: string;
  /** The purposes the recipient's exceptions name (stated ones with their facts, the others as `unstatedPurpose`). */
  purposes: readonly PurposeFact[];
  /** The recipient's approved exceptions, revoked and expired ones included: `decide` asks each whether it counted at `at`. */
  exceptions: readonly PermittedExceptionFact[];
  /** All the provider's consent events (every purpose: a provider agreement may cite any). */
  consentEvents: readonly ConsentEventFact[];
  items: readonly DataItemFact[];
  cessations: readonly CessationFact[];
  policyVersion: number;
  at: Date;
};

/**
 * The categories the recipient may receive about the provider at `at`: for each purpose its
 * exceptions name, what `decide()` permits for provision, granted basis by basis (one decision has
 * one basis, so categories under different exceptions are asked for in turn). Consent events and
 * cessations after `at` are not known yet at `at`.
 */
export function recipientStanding(input: RecipientStandingInput): DataCategory[] {
  const t = input.at.getTime();
  const events = input.consentEvents.filter((e) => e.occurredAt.getTime() <= t);
  const standing = standingGrantIds(
    events.map((e) => ({ id: e.id, purpose: e.purposeKey, sequence: e.sequence, action: e.action })),
  );
  const cessations = input.cessations.filter((c) => c.since.getTime() <= t);
  const permitted = new Set<DataCategory>();
  for (const purpose of input.purposes) {
    let remaining = DATA_CATEGORIES.filter((c) =>
      input.exceptions.some((e) => e.scope.purposeKeys.includes(purpose.key) && e.scope.categories.includes(c)),
    );
    for (let round = 0; remaining.length && round <= input.exceptions.length; round++) {
      const decision = decide({
        action: 'PROVIDE',
        providerId: input.providerId,
        purpose,
        categories: remaining,
        recipientId: input.recipientId,
        consent: consentFor(events, purpose.key, input.at),
        items: input.items,
        exceptions: input.exceptions,
        policyVersion: input.policyVersion,
        at: input.at,
        cessations,
        standingGrantIds: standing,
      });
      if (!decision.permitted.length) break;
      decision.permitted.forEach((c) => permitted.add(c));
      remaining = decision.refused;
    }
  }
  return DATA_CATEGORIES.filter((c) => permitted.has(c));
}
