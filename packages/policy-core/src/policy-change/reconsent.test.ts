import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentConsents, type ConsentEventFact } from '../consent/consent-state.js';
import { CONSENT_STATES } from '../vocabulary/consent.js';
import { reconsentImpact } from './purpose-changes.js';
import {
  countReconsent,
  lackingConsent,
  reconsentCover,
  reconsentStanding,
  type ReconsentFact,
  type ReconsentGroup,
} from './reconsent.js';

const event = (
  id: string,
  action: ConsentEventFact['action'],
  policyVersion: number,
  day: number,
): ConsentEventFact => ({
  id,
  purposeKey: 'newsletter',
  action,
  occurredAt: new Date(Date.UTC(2026, 0, day)),
  sequence: day,
  policyVersion,
});

/** The current consent to `newsletter` after `events`, as a store would read it. */
function after(...events: ConsentEventFact[]): ReconsentFact | null {
  return currentConsents(events).get('newsletter') ?? null;
}

describe('reconsentStanding', () => {
  it('is covered only by a grant given under the new version or later', () => {
    expect(reconsentStanding({ state: 'GRANTED', policyVersion: 4 }, 4)).toBe('COVERED');
    expect(reconsentStanding({ state: 'GRANTED', policyVersion: 5 }, 4)).toBe('COVERED');
    expect(reconsentStanding({ state: 'GRANTED', policyVersion: 3 }, 4)).toBe('GRANTED_BEFORE_VERSION');
    expect(reconsentStanding({ state: 'GRANTED', policyVersion: null }, 4)).toBe('GRANTED_BEFORE_VERSION');
  });

  it('reads never asked, refused and withdrawn as such', () => {
    expect(reconsentStanding(null, 4)).toBe('NOT_ASKED');
    expect(reconsentStanding({ state: 'NOT_ASKED', policyVersion: null }, 4)).toBe('NOT_ASKED');
    expect(reconsentStanding({ state: 'REFUSED', policyVersion: 4 }, 4)).toBe('REFUSED');
    expect(reconsentStanding({ state: 'WITHDRAWN', policyVersion: 4 }, 4)).toBe('WITHDRAWN');
  });

  it('follows the last event: refused then granted under the version is covered, granted then withdrawn is not', () => {
    expect(reconsentStanding(after(event('a', 'REFUSE', 3, 1), event('b', 'GRANT', 4, 2)), 4)).toBe('COVERED');
    expect(reconsentStanding(after(event('a', 'REFUSE', 4, 1), event('b', 'GRANT', 3, 2)), 4)).toBe(
      'GRANTED_BEFORE_VERSION',
    );
    expect(reconsentStanding(after(event('a', 'GRANT', 4, 1), event('b', 'WITHDRAW', 4, 2)), 4)).toBe('WITHDRAWN');
    expect(reconsentStanding(after(event('a', 'GRANT', 4, 1), event('b', 'REFUSE', 4, 2)), 4)).toBe('REFUSED');
    expect(reconsentStanding(after(), 4)).toBe('NOT_ASKED');
  });
});

describe('reconsentCover', () => {
  it('states the covering consent as facts', () => {
    expect(reconsentCover(4)).toEqual({ state: 'GRANTED', fromPolicyVersion: 4 });
    expect(() => reconsentCover(1.5)).toThrow(RangeError);
  });
});

describe('lackingConsent', () => {
  const judge = (consent: ReconsentFact | null) =>
    lackingConsent({ providerId: 'p', purposeKey: 'newsletter', consent, nextVersion: 4 });

  it('is null for a covering grant, exactly at the version too', () => {
    expect(judge({ state: 'GRANTED', policyVersion: 4 })).toBeNull();
  });

  it('gives the state, the version and the reason in words', () => {
    expect(judge(null)).toEqual({
      providerId: 'p',
      state: 'NOT_ASKED',
      policyVersion: null,
      reason: 'NOT_GRANTED',
      message: 'Consent to "newsletter" is not asked.',
    });
    expect(judge({ state: 'GRANTED', policyVersion: 3 })).toEqual({
      providerId: 'p',
      state: 'GRANTED',
      policyVersion: 3,
      reason: 'GRANTED_BEFORE_VERSION',
      message: 'Consent to "newsletter" was granted under version 3, before version 4.',
    });
    expect(judge({ state: 'REFUSED', policyVersion: 4 })).toMatchObject({ state: 'REFUSED', reason: 'NOT_GRANTED' });
    expect(judge({ state: 'WITHDRAWN', policyVersion: 4 })!.message).toBe('Consent to "newsletter" is withdrawn.');
  });
});

describe('countReconsent', () => {
  const g = (providers: number, consent: ReconsentFact | null): ReconsentGroup => ({ consent, providers });

  it('classifies each group and counts the providers in no group as never asked', () => {
    const r = countReconsent({
      nextVersion: 4,
      providers: 10,
      purposes: [
        {
          key: 'journal-delivery',
          groups: [
            g(2, { state: 'GRANTED', policyVersion: 4 }),
            g(1, { state: 'GRANTED', policyVersion: 3 }),
            g(3, { state: 'REFUSED', policyVersion: 4 }),
            g(1, { state: 'NOT_ASKED', policyVersion: null }),
          ],
        },
        {
          key: 'newsletter',
          groups: [
            g(2, { state: 'GRANTED', policyVersion: 5 }),
            g(3, { state: 'WITHDRAWN', policyVersion: 2 }),
            g(1, { state: 'GRANTED', policyVersion: 4 }),
          ],
        },
      ],
      coveredForAll: 2,
    });
    expect(r.purposes).toEqual([
      {
        key: 'journal-delivery',
        covered: 2,
        lacking: 8,
        notAsked: 4,
        grantedBeforeVersion: 1,
        refused: 3,
        withdrawn: 0,
      },
      { key: 'newsletter', covered: 3, lacking: 7, notAsked: 4, grantedBeforeVersion: 0, refused: 0, withdrawn: 3 },
    ]);
    expect(r).toMatchObject({ providers: 10, providersToAsk: 8, consentsMissing: 15 });
  });

  it('asks nobody when nothing is added or widened', () => {
    expect(countReconsent({ nextVersion: 2, providers: 5, purposes: [], coveredForAll: 0 })).toEqual({
      purposes: [],
      providers: 5,
      providersToAsk: 0,
      consentsMissing: 0,
    });
  });

  it('refuses inconsistent facts', () => {
    const base = { nextVersion: 2, providers: 1, coveredForAll: 0 };
    const covered = { state: 'GRANTED', policyVersion: 2 } as const;
    expect(() => countReconsent({ ...base, purposes: [{ key: 'a', groups: [g(2, null)] }] })).toThrow(RangeError);
    expect(() => countReconsent({ ...base, purposes: [{ key: 'a', groups: [g(-1, null)] }] })).toThrow(RangeError);
    expect(() =>
      countReconsent({
        ...base,
        purposes: [
          { key: 'a', groups: [] },
          { key: 'a', groups: [] },
        ],
      }),
    ).toThrow(RangeError);
    expect(() => countReconsent({ ...base, nextVersion: 2.5, purposes: [] })).toThrow(RangeError);
    expect(() => countReconsent({ ...base, coveredForAll: 1, purposes: [{ key: 'a', groups: [g(1, null)] }] })).toThrow(
      RangeError,
    );
    expect(
      countReconsent({ ...base, coveredForAll: 1, purposes: [{ key: 'a', groups: [g(1, covered)] }] }).providersToAsk,
    ).toBe(0);
  });

  it('counts what reconsentImpact finds provider by provider', () => {
    const fact = fc.option(
      fc.record({
        state: fc.constantFrom(...CONSENT_STATES),
        policyVersion: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
      }),
      { nil: null },
    );
    const keys = ['a', 'b', 'c'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.tuple(fact, fact, fact), { maxLength: 30 }),
        fc.integer({ min: 0, max: 3 }),
        (nextVersion, rows, width) => {
          const purposeKeys = keys.slice(0, width);
          const byProvider = reconsentImpact({
            current: [],
            next: purposeKeys.map((key) => ({ key, categories: ['NAME'], retired: false })),
            nextVersion,
            providers: rows.map((row, i) => ({
              providerId: `p${i}`,
              consents: row.flatMap((c, k) =>
                c === null || k >= width ? [] : [{ purposeKey: keys[k]!, ...c, since: null, eventId: null }],
              ),
            })),
          });
          // Group as a store would: per purpose by the facts, leaving out those with none recorded.
          const purposes = purposeKeys.map((key, k) => {
            const groups = new Map<string, { consent: ReconsentFact; providers: number }>();
            for (const row of rows) {
              const consent = row[k];
              if (consent === null || consent === undefined) continue;
              const id = JSON.stringify(consent);
              const found = groups.get(id);
              if (found) found.providers += 1;
              else groups.set(id, { consent, providers: 1 });
            }
            return { key, groups: [...groups.values()] };
          });
          const cover = reconsentCover(nextVersion);
          const coveredForAll = rows.filter((row) =>
            row
              .slice(0, width)
              .every((c) => c !== null && c.state === cover.state && (c.policyVersion ?? 0) >= cover.fromPolicyVersion),
          ).length;
          const counted = countReconsent({ nextVersion, providers: rows.length, purposes, coveredForAll });
          expect(counted.providersToAsk).toBe(byProvider.summary.providersToAsk);
          expect(counted.consentsMissing).toBe(byProvider.summary.consentsMissing);
          expect(counted.purposes.map((p) => [p.key, p.covered, p.lacking])).toEqual(
            byProvider.purposes.map((p) => [p.key, p.covered.length, p.lacking.length]),
          );
          for (const [i, p] of counted.purposes.entries()) {
            const lacking = byProvider.purposes[i]!.lacking;
            const states = (s: string) => lacking.filter((l) => l.state === s);
            expect(p.notAsked).toBe(states('NOT_ASKED').length);
            expect(p.refused).toBe(states('REFUSED').length);
            expect(p.withdrawn).toBe(states('WITHDRAWN').length);
            expect(p.grantedBeforeVersion).toBe(states('GRANTED').length);
            expect(p.lacking).toBe(p.notAsked + p.grantedBeforeVersion + p.refused + p.withdrawn);
          }
        },
      ),
    );
  });
});
