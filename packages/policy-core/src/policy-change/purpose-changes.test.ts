import { describe, expect, it } from 'vitest';
import { currentConsents, type PurposeConsentState } from '../consent/consent-state.js';
import type { PurposeFact } from '../use/may-use-for-purpose.js';
import { purposeChanges, reconsentImpact } from './purpose-changes.js';

const v3: PurposeFact[] = [
  { key: 'journal-delivery', categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'], retired: false },
  { key: 'newsletter', categories: ['NAME', 'EMAIL'], retired: false },
  { key: 'event-photos', categories: ['NAME'], retired: false },
  { key: 'fax-notices', categories: ['NAME', 'FAX'], retired: false },
  { key: 'old-survey', categories: ['NAME'], retired: true },
];
const v4: PurposeFact[] = [
  // widened by EMAIL, narrowed by POSTAL_CODE
  { key: 'journal-delivery', categories: ['NAME', 'POSTAL_ADDRESS', 'EMAIL'], retired: false },
  { key: 'newsletter', categories: ['EMAIL', 'NAME'], retired: false },
  { key: 'event-photos', categories: ['NAME'], retired: true },
  // fax-notices dropped from the list entirely
  { key: 'old-survey', categories: ['NAME', 'AFFILIATION'], retired: false },
  { key: 'conference-registration', categories: ['AFFILIATION', 'NAME'], retired: false },
];

const granted = (purposeKey: string, policyVersion: number): PurposeConsentState => ({
  purposeKey,
  state: 'GRANTED',
  since: new Date('2025-04-01T00:00:00Z'),
  policyVersion,
  eventId: `e-${purposeKey}-${policyVersion}`,
});

describe('purposeChanges', () => {
  it('classifies every purpose, keys sorted, categories in vocabulary order', () => {
    expect(purposeChanges(v3, v4)).toEqual({
      added: ['conference-registration', 'old-survey'],
      widened: [{ key: 'journal-delivery', addedCategories: ['EMAIL'] }],
      narrowed: [{ key: 'journal-delivery', removedCategories: ['POSTAL_CODE'] }],
      retired: ['event-photos', 'fax-notices'],
      unchanged: ['newsletter'],
    });
  });

  it('finds nothing between identical versions and everything against an empty one', () => {
    expect(purposeChanges(v3, v3)).toEqual({
      added: [],
      widened: [],
      narrowed: [],
      retired: [],
      unchanged: ['event-photos', 'fax-notices', 'journal-delivery', 'newsletter'],
    });
    expect(purposeChanges([], v3).added).toEqual(['event-photos', 'fax-notices', 'journal-delivery', 'newsletter']);
  });

  it('rejects repeated keys', () => {
    expect(() => purposeChanges([...v3, v3[0]!], v4)).toThrow(RangeError);
  });
});

describe('reconsentImpact', () => {
  const result = reconsentImpact({
    current: v3,
    next: v4,
    nextVersion: 4,
    providers: [
      // granted the widened purpose under v3: must be asked again
      { providerId: 'p1', consents: [granted('journal-delivery', 3), granted('conference-registration', 4)] },
      // already re-consented under v4 (as a Map from currentConsents)
      {
        providerId: 'p2',
        consents: currentConsents([
          {
            id: 'a',
            purposeKey: 'journal-delivery',
            action: 'GRANT',
            occurredAt: new Date('2025-04-01T00:00:00Z'),
            sequence: 1,
            policyVersion: 3,
          },
          {
            id: 'b',
            purposeKey: 'journal-delivery',
            action: 'GRANT',
            occurredAt: new Date('2025-07-01T00:00:00Z'),
            sequence: 2,
            policyVersion: 4,
          },
          {
            id: 'c',
            purposeKey: 'old-survey',
            action: 'GRANT',
            occurredAt: new Date('2020-01-01T00:00:00Z'),
            sequence: 0,
            policyVersion: 1,
          },
        ]),
      },
      { providerId: 'p3', consents: new Map() },
    ],
  });

  it('lists, per added or widened purpose, who lacks consent under the new version', () => {
    expect(
      result.purposes.map((p) => [
        p.key,
        p.change,
        p.addedCategories,
        p.lacking.map((l) => `${l.providerId}:${l.reason}:${l.state}`),
        p.covered,
      ]),
    ).toEqual([
      [
        'conference-registration',
        'ADDED',
        ['NAME', 'AFFILIATION'],
        ['p2:NOT_GRANTED:NOT_ASKED', 'p3:NOT_GRANTED:NOT_ASKED'],
        ['p1'],
      ],
      [
        'old-survey',
        'ADDED',
        ['NAME', 'AFFILIATION'],
        ['p1:NOT_GRANTED:NOT_ASKED', 'p2:GRANTED_BEFORE_VERSION:GRANTED', 'p3:NOT_GRANTED:NOT_ASKED'],
        [],
      ],
      [
        'journal-delivery',
        'WIDENED',
        ['EMAIL'],
        ['p1:GRANTED_BEFORE_VERSION:GRANTED', 'p3:NOT_GRANTED:NOT_ASKED'],
        ['p2'],
      ],
    ]);
    expect(result.summary).toEqual({ purposesAffected: 3, providers: 3, providersToAsk: 3, consentsMissing: 7 });
    expect(result.purposes[2]!.lacking[0]!.message).toBe(
      'Consent to "journal-delivery" was granted under version 3, before version 4.',
    );
  });

  it('treats withdrawn or refused consent, and an entry for another purpose, as lacking', () => {
    const r = reconsentImpact({
      current: [],
      next: [{ key: 'newsletter', categories: ['EMAIL'], retired: false }],
      nextVersion: 2,
      providers: [
        { providerId: 'w', consents: [{ ...granted('newsletter', 2), state: 'WITHDRAWN' }] },
        { providerId: 'x', consents: new Map([['newsletter', granted('journal-delivery', 2)]]) },
        { providerId: 'dup', consents: [granted('newsletter', 2), { ...granted('newsletter', 2), state: 'REFUSED' }] },
        { providerId: 'ok', consents: [granted('newsletter', 5)] },
      ],
    });
    expect(r.purposes[0]!.lacking.map((l) => `${l.providerId}:${l.state}`)).toEqual([
      'w:WITHDRAWN',
      'x:NOT_ASKED',
      'dup:REFUSED',
    ]);
    expect(r.purposes[0]!.covered).toEqual(['ok']);
    expect(r.purposes[0]!.lacking[0]!.message).toBe('Consent to "newsletter" is withdrawn.');
  });

  it('needs nobody asked when purposes only narrow or retire', () => {
    const r = reconsentImpact({
      current: v3,
      next: v3.map((p) => ({ ...p, retired: true })),
      nextVersion: 4,
      providers: [{ providerId: 'p', consents: [] }],
    });
    expect(r.purposes).toEqual([]);
    expect(r.summary).toEqual({ purposesAffected: 0, providers: 1, providersToAsk: 0, consentsMissing: 0 });
  });

  it('rejects repeated provider ids', () => {
    expect(() =>
      reconsentImpact({
        current: [],
        next: [],
        nextVersion: 2,
        providers: [
          { providerId: 'a', consents: [] },
          { providerId: 'a', consents: [] },
        ],
      }),
    ).toThrow(RangeError);
  });
});
