import { issue, toValidation, type Validation } from '../issues.js';
import { CONSENT_ACTIONS, type ConsentAction, type ConsentState } from '../vocabulary/consent.js';

/** One append-only consent event as the API loads it (provider already fixed by the caller). */
export type ConsentEventFact = {
  id: string;
  purposeKey: string;
  action: ConsentAction;
  occurredAt: Date;
  /** Tie-breaker for events recorded in the same millisecond. */
  sequence: number;
  policyVersion: number;
};

/** The consent for one purpose as derived from the events; never stored, always recomputed. */
export type PurposeConsentState = {
  purposeKey: string;
  state: ConsentState;
  since: Date | null;
  policyVersion: number | null;
  eventId: string | null;
};

function time(event: ConsentEventFact): number {
  const t = event.occurredAt.getTime();
  // An invalid date would make the order depend on input order; a lost WITHDRAW is worse than a loud error.
  if (Number.isNaN(t)) throw new RangeError(`Consent event ${event.id} has an invalid occurredAt.`);
  return t;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders by occurredAt, sequence, id. Exact duplicates fall back to action (WITHDRAW last) so the result never depends on input order. */
export function compareConsentEvents(a: ConsentEventFact, b: ConsentEventFact): number {
  return (
    time(a) - time(b) ||
    a.sequence - b.sequence ||
    compareStrings(a.id, b.id) ||
    CONSENT_ACTIONS.indexOf(a.action) - CONSENT_ACTIONS.indexOf(b.action) ||
    a.policyVersion - b.policyVersion ||
    compareStrings(a.purposeKey, b.purposeKey)
  );
}

/** A sorted copy; the input is not mutated. */
export function orderConsentEvents(events: readonly ConsentEventFact[]): ConsentEventFact[] {
  for (const e of events) time(e);
  return [...events].sort(compareConsentEvents);
}

export function stateAfter(action: ConsentAction): ConsentState {
  switch (action) {
    case 'GRANT':
      return 'GRANTED';
    case 'REFUSE':
      return 'REFUSED';
    case 'WITHDRAW':
      return 'WITHDRAWN';
  }
}

export function notAsked(purposeKey: string): PurposeConsentState {
  return { purposeKey, state: 'NOT_ASKED', since: null, policyVersion: null, eventId: null };
}

/**
 * The consent per purpose as of `at` (inclusive; later events are ignored, default: all events).
 * Only the last event per purpose counts. Keys are in code-unit order of the purpose key.
 */
export function currentConsents(events: readonly ConsentEventFact[], at?: Date): Map<string, PurposeConsentState> {
  const cutoff = at === undefined ? Infinity : at.getTime();
  if (Number.isNaN(cutoff)) throw new RangeError('`at` is an invalid Date.');
  const last = new Map<string, ConsentEventFact>();
  for (const event of orderConsentEvents(events)) {
    if (time(event) <= cutoff) last.set(event.purposeKey, event);
  }
  const result = new Map<string, PurposeConsentState>();
  for (const key of [...last.keys()].sort(compareStrings)) {
    const e = last.get(key)!;
    result.set(key, {
      purposeKey: key,
      state: stateAfter(e.action),
      since: e.occurredAt,
      policyVersion: e.policyVersion,
      eventId: e.id,
    });
  }
  return result;
}

/** The consent for one purpose; NOT_ASKED when no event for it is at or before `at`. */
export function consentFor(events: readonly ConsentEventFact[], purposeKey: string, at?: Date): PurposeConsentState {
  const relevant = events.filter((e) => e.purposeKey === purposeKey);
  return currentConsents(relevant, at).get(purposeKey) ?? notAsked(purposeKey);
}

/**
 * Whether recording `action` now is a real change. A grant cannot be REFUSEd: taking it back is a
 * WITHDRAW, which keeps "never agreed" apart from "agreed, then stopped" in the record.
 * With `versions`, a GRANT over a grant given under an older policy version is a real change:
 * the re-consent a new version asks for when it adds or widens purposes (clause 7).
 */
export function validateConsentChange(
  current: ConsentState,
  action: ConsentAction,
  versions?: { grantedUnder: number | null; inForce: number },
): Validation {
  const renewal =
    versions !== undefined && (versions.grantedUnder === null || versions.grantedUnder < versions.inForce);
  if (action === 'GRANT' && current === 'GRANTED' && !renewal) {
    return toValidation([issue('action', 'NO_CHANGE', 'Consent is already granted.')]);
  }
  if (action === 'WITHDRAW' && current !== 'GRANTED') {
    return toValidation([issue('action', 'NOT_GRANTED', 'Only a granted consent can be withdrawn.')]);
  }
  if (action === 'REFUSE' && current === 'GRANTED') {
    return toValidation([
      issue('action', 'INVALID_TRANSITION', 'Consent is granted: record a WITHDRAW, not a REFUSE.'),
    ]);
  }
  if (action === 'REFUSE' && current === 'REFUSED') {
    return toValidation([issue('action', 'NO_CHANGE', 'Consent is already refused.')]);
  }
  return { ok: true };
}
