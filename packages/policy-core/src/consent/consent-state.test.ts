import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_ACTIONS, CONSENT_STATES, type ConsentAction, type ConsentState } from '../vocabulary/consent.js';
import {
  consentFor,
  currentConsents,
  orderConsentEvents,
  stateAfter,
  validateConsentChange,
  type ConsentEventFact,
} from './consent-state.js';

const T0 = Date.UTC(2025, 3, 1, 9, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

function buildEvent(overrides: Partial<ConsentEventFact> = {}): ConsentEventFact {
  return {
    id: 'e1',
    purposeKey: 'newsletter',
    action: 'GRANT',
    occurredAt: at(0),
    sequence: 1,
    policyVersion: 1,
    ...overrides,
  };
}

describe('stateAfter', () => {
  it('maps each action to its state', () => {
    expect(CONSENT_ACTIONS.map(stateAfter)).toEqual(['GRANTED', 'REFUSED', 'WITHDRAWN']);
  });
});

describe('orderConsentEvents', () => {
  it('orders by occurredAt, then sequence, then id, without mutating the input', () => {
    const a = buildEvent({ id: 'a', occurredAt: at(2), sequence: 1 });
    const b = buildEvent({ id: 'b', occurredAt: at(1), sequence: 9 });
    const c = buildEvent({ id: 'c', occurredAt: at(1), sequence: 3 });
    const d = buildEvent({ id: 'd', occurredAt: at(1), sequence: 3 });
    const input = [a, d, b, c];
    expect(orderConsentEvents(input).map((e) => e.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(input.map((e) => e.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('compares ids by code unit, not locale', () => {
    const ids = ['b', 'B', 'a', '10', '9'];
    const ordered = orderConsentEvents(ids.map((id) => buildEvent({ id })));
    expect(ordered.map((e) => e.id)).toEqual(['10', '9', 'B', 'a', 'b']);
  });

  it('returns an empty list for no events', () => {
    expect(orderConsentEvents([])).toEqual([]);
  });

  it('puts a WITHDRAW after a GRANT that shares every ordering key', () => {
    const grant = buildEvent({ action: 'GRANT' });
    const withdraw = buildEvent({ action: 'WITHDRAW' });
    expect(orderConsentEvents([withdraw, grant]).map((e) => e.action)).toEqual(['GRANT', 'WITHDRAW']);
  });

  it('throws on an invalid date rather than guessing', () => {
    expect(() => orderConsentEvents([buildEvent({ id: 'bad', occurredAt: new Date(Number.NaN) })])).toThrow(/bad/);
  });
});

describe('currentConsents', () => {
  it('is empty with no events', () => {
    expect(currentConsents([]).size).toBe(0);
  });

  it('takes the last event per purpose and reports when and under which version', () => {
    const events = [
      buildEvent({ id: 'g1', purposeKey: 'newsletter', action: 'GRANT', occurredAt: at(0), policyVersion: 1 }),
      buildEvent({ id: 'w1', purposeKey: 'newsletter', action: 'WITHDRAW', occurredAt: at(5), policyVersion: 2 }),
      buildEvent({ id: 'r1', purposeKey: 'delivery', action: 'REFUSE', occurredAt: at(1) }),
    ];
    const result = currentConsents(events);
    expect([...result.keys()]).toEqual(['delivery', 'newsletter']);
    expect(result.get('newsletter')).toEqual({
      purposeKey: 'newsletter',
      state: 'WITHDRAWN',
      since: at(5),
      policyVersion: 2,
      eventId: 'w1',
    });
    expect(result.get('delivery')?.state).toBe('REFUSED');
  });

  it('ignores events after `at` but includes one exactly at `at`', () => {
    const events = [
      buildEvent({ id: 'g', action: 'GRANT', occurredAt: at(0) }),
      buildEvent({ id: 'w', action: 'WITHDRAW', occurredAt: at(10) }),
    ];
    expect(currentConsents(events, at(9)).get('newsletter')?.state).toBe('GRANTED');
    expect(currentConsents(events, at(10)).get('newsletter')?.state).toBe('WITHDRAWN');
    expect(currentConsents(events, at(-1)).size).toBe(0);
  });

  it('uses sequence to order events in the same millisecond', () => {
    const events = [
      buildEvent({ id: 'z', action: 'GRANT', sequence: 2 }),
      buildEvent({ id: 'a', action: 'WITHDRAW', sequence: 1 }),
    ];
    expect(currentConsents(events).get('newsletter')?.state).toBe('GRANTED');
  });

  it('rejects an invalid cut-off', () => {
    expect(() => currentConsents([buildEvent()], new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('consentFor', () => {
  it('is NOT_ASKED when there is no event for the purpose', () => {
    expect(consentFor([buildEvent({ purposeKey: 'other' })], 'newsletter')).toEqual({
      purposeKey: 'newsletter',
      state: 'NOT_ASKED',
      since: null,
      policyVersion: null,
      eventId: null,
    });
  });

  it('is NOT_ASKED before the first event and GRANTED from it', () => {
    const events = [buildEvent({ occurredAt: at(3) })];
    expect(consentFor(events, 'newsletter', at(2)).state).toBe('NOT_ASKED');
    expect(consentFor(events, 'newsletter', at(3)).state).toBe('GRANTED');
  });
});

describe('validateConsentChange', () => {
  // Every (current state, action) pair: null means the change is allowed.
  const table: [ConsentState, ConsentAction, string | null][] = [
    ['NOT_ASKED', 'GRANT', null],
    ['NOT_ASKED', 'REFUSE', null],
    ['NOT_ASKED', 'WITHDRAW', 'NOT_GRANTED'],
    ['GRANTED', 'GRANT', 'NO_CHANGE'],
    ['GRANTED', 'REFUSE', 'INVALID_TRANSITION'],
    ['GRANTED', 'WITHDRAW', null],
    ['REFUSED', 'GRANT', null],
    ['REFUSED', 'REFUSE', 'NO_CHANGE'],
    ['REFUSED', 'WITHDRAW', 'NOT_GRANTED'],
    ['WITHDRAWN', 'GRANT', null],
    ['WITHDRAWN', 'REFUSE', null],
    ['WITHDRAWN', 'WITHDRAW', 'NOT_GRANTED'],
  ];

  it('covers every state and action', () => {
    expect(table).toHaveLength(CONSENT_STATES.length * CONSENT_ACTIONS.length);
    expect(new Set(table.map(([s, a]) => `${s}/${a}`)).size).toBe(table.length);
  });

  it.each(table)('%s + %s → %s', (current, action, expected) => {
    const result = validateConsentChange(current, action);
    if (expected === null) {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result).toEqual({ ok: false, issues: [{ field: 'action', code: expected, message: expect.any(String) }] });
    }
  });

  it('lets a grant be renewed under a newer policy version (re-consent), not under the same one', () => {
    expect(validateConsentChange('GRANTED', 'GRANT', { grantedUnder: 1, inForce: 2 })).toEqual({ ok: true });
    expect(validateConsentChange('GRANTED', 'GRANT', { grantedUnder: 2, inForce: 2 }).ok).toBe(false);
    expect(validateConsentChange('GRANTED', 'REFUSE', { grantedUnder: 1, inForce: 2 }).ok).toBe(false);
  });
});

describe('consent state properties', () => {
  const purposeKeys = ['newsletter', 'delivery', 'events'] as const;
  // Distinct ids so that the order is total even when time and sequence collide.
  const eventsArb = fc
    .array(
      fc.record({
        purposeKey: fc.constantFrom(...purposeKeys),
        action: fc.constantFrom(...CONSENT_ACTIONS),
        minute: fc.integer({ min: 0, max: 20 }),
        sequence: fc.integer({ min: 0, max: 3 }),
        policyVersion: fc.integer({ min: 1, max: 3 }),
      }),
      { maxLength: 30 },
    )
    .map((rows) =>
      rows.map((r, i): ConsentEventFact => ({
        id: `e${String(i).padStart(2, '0')}`,
        purposeKey: r.purposeKey,
        action: r.action,
        occurredAt: at(r.minute),
        sequence: r.sequence,
        policyVersion: r.policyVersion,
      })),
    );

  const snapshot = (m: Map<string, unknown>) => JSON.stringify([...m]);

  it('replaying the same events in any input order yields the same state', () => {
    const permuted = eventsArb.chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      ),
    );
    fc.assert(
      fc.property(permuted, ([events, shuffled]) => {
        expect(snapshot(currentConsents(shuffled))).toBe(snapshot(currentConsents(events)));
        expect(snapshot(currentConsents([...events].reverse()))).toBe(snapshot(currentConsents(events)));
      }),
    );
  });

  it('a WITHDRAW later than every GRANT for a purpose leaves it not GRANTED', () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom(...purposeKeys), (events, purposeKey) => {
        const grants = events.filter((e) => e.purposeKey === purposeKey && e.action === 'GRANT');
        const latest = Math.max(T0, ...grants.map((e) => e.occurredAt.getTime()));
        const withdraw: ConsentEventFact = {
          id: 'w-final',
          purposeKey,
          action: 'WITHDRAW',
          occurredAt: new Date(latest + 1),
          sequence: 0,
          policyVersion: 1,
        };
        expect(consentFor([...events, withdraw], purposeKey).state).not.toBe('GRANTED');
      }),
    );
  });

  it('the state depends only on the last event per purpose', () => {
    fc.assert(
      fc.property(eventsArb, (events) => {
        const lastOnly = [...currentConsents(events).values()].map((s) => events.find((e) => e.id === s.eventId)!);
        expect(snapshot(currentConsents(lastOnly))).toBe(snapshot(currentConsents(events)));
        for (const [key, s] of currentConsents(events)) {
          const last = orderConsentEvents(events.filter((e) => e.purposeKey === key)).at(-1)!;
          expect(s.state).toBe(stateAfter(last.action));
        }
      }),
    );
  });

  it('the `at` cut-off equals filtering the events first', () => {
    fc.assert(
      fc.property(eventsArb, fc.integer({ min: -1, max: 21 }), (events, minute) => {
        const cutoff = at(minute);
        const filtered = events.filter((e) => e.occurredAt.getTime() <= cutoff.getTime());
        expect(snapshot(currentConsents(events, cutoff))).toBe(snapshot(currentConsents(filtered)));
      }),
    );
  });

  it('consentFor agrees with currentConsents', () => {
    fc.assert(
      fc.property(eventsArb, fc.constantFrom(...purposeKeys), (events, key) => {
        const expected = currentConsents(events).get(key)?.state ?? 'NOT_ASKED';
        expect(consentFor(events, key).state).toBe(expected);
      }),
    );
  });
});
