import { describe, expect, it } from 'vitest';
import type { ConsentEventFact } from '../consent/consent-state.js';
import type { PurposeFact } from '../use/may-use-for-purpose.js';
import type { DataCategory } from '../vocabulary/data-categories.js';
import { courierException } from '../test-fixtures.js';
import * as api from '../index.js';
import {
  exceptionMoments,
  partnerChange,
  recipientStanding,
  type PartnerChangeCause,
  type RecipientStandingInput,
} from './partner-changes.js';

const T = (iso: string) => new Date(iso);
const POSTAL: DataCategory[] = ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'];
const journal: PurposeFact = { key: 'JOURNAL_DELIVERY', categories: [...POSTAL, 'EMAIL'], retired: false };

const cause = (reason: PartnerChangeCause['reason'], category?: DataCategory): PartnerChangeCause =>
  category ? { reason, category } : { reason };

describe('partnerChange', () => {
  it('is null outside the scope before and after, whatever happened', () => {
    for (const reason of api.PARTNER_CHANGE_REASONS)
      expect(partnerChange({ before: [], after: [], causes: [cause(reason, 'NAME')] })).toBeNull();
  });

  it('is null without a cause', () => {
    expect(partnerChange({ before: [], after: POSTAL, causes: [] })).toBeNull();
  });

  it('adds to the scope with what may now be read, explained by the widening cause', () => {
    expect(
      partnerChange({
        before: [],
        after: ['POSTAL_ADDRESS', 'NAME'],
        causes: [cause('CONSENT_GIVEN'), cause('NEW_PROVIDER')],
      }),
    ).toEqual({ kind: 'ADDED_TO_SCOPE', reason: 'NEW_PROVIDER', categories: ['NAME', 'POSTAL_ADDRESS'] });
  });

  it('removes from the scope with no categories; a revocation outranks a withdrawal at the same instant', () => {
    expect(
      partnerChange({ before: POSTAL, after: [], causes: [cause('CONSENT_WITHDRAWN'), cause('EXCEPTION_REVOKED')] }),
    ).toEqual({ kind: 'REMOVED_FROM_SCOPE', reason: 'EXCEPTION_REVOKED', categories: [] });
    expect(partnerChange({ before: POSTAL, after: [], causes: [cause('CESSATION')] })?.reason).toBe('CESSATION');
  });

  it('names a narrowing or a widening of the categories', () => {
    expect(partnerChange({ before: POSTAL, after: ['NAME'], causes: [cause('EXCEPTION_EXPIRED')] })).toEqual({
      kind: 'CATEGORIES_CHANGED',
      reason: 'EXCEPTION_EXPIRED',
      categories: ['NAME'],
    });
    expect(
      partnerChange({
        before: ['NAME'],
        after: POSTAL,
        causes: [cause('AMENDMENT', 'NAME'), cause('EXCEPTION_IN_EFFECT')],
      })?.reason,
    ).toBe('EXCEPTION_IN_EFFECT');
  });

  it('tells an amendment only of a category still readable, and only that category', () => {
    expect(
      partnerChange({
        before: POSTAL,
        after: POSTAL,
        causes: [cause('AMENDMENT', 'POSTAL_ADDRESS'), cause('AMENDMENT', 'EMAIL')],
      }),
    ).toEqual({ kind: 'DATA_CHANGED', reason: 'AMENDMENT', categories: ['POSTAL_ADDRESS'] });
    expect(partnerChange({ before: POSTAL, after: POSTAL, causes: [cause('AMENDMENT', 'EMAIL')] })).toBeNull();
    // A consent event that changes nothing the recipient reads (e.g. under a law) is not a change.
    expect(partnerChange({ before: POSTAL, after: POSTAL, causes: [cause('CONSENT_WITHDRAWN')] })).toBeNull();
  });
});

describe('exceptionMoments', () => {
  const window = [T('2000-01-01T00:00:00Z'), T('2100-01-01T00:00:00Z')] as const;

  it('gives the start (the later of approval and validFrom) and the expiry', () => {
    expect(exceptionMoments(courierException(), ...window)).toEqual([
      { at: T('2025-04-01T00:00:00Z'), reason: 'EXCEPTION_IN_EFFECT' },
      { at: T('2026-04-01T00:00:00Z'), reason: 'EXCEPTION_EXPIRED' },
    ]);
    const late = courierException({ approvedAt: T('2025-05-01T00:00:00Z') });
    expect(exceptionMoments(late, ...window)[0]!.at).toEqual(T('2025-05-01T00:00:00Z'));
  });

  it('gives a revocation instead of the expiry when it came first, and nothing after', () => {
    const revoked = courierException({ status: 'REVOKED', revokedAt: T('2025-06-01T00:00:00Z') });
    expect(exceptionMoments(revoked, ...window).map((m) => m.reason)).toEqual([
      'EXCEPTION_IN_EFFECT',
      'EXCEPTION_REVOKED',
    ]);
    const afterExpiry = courierException({ status: 'REVOKED', revokedAt: T('2026-05-01T00:00:00Z') });
    expect(exceptionMoments(afterExpiry, ...window).map((m) => m.reason)).toEqual([
      'EXCEPTION_IN_EFFECT',
      'EXCEPTION_EXPIRED',
    ]);
  });

  it('has none for a draft, or one revoked before it came into effect', () => {
    expect(exceptionMoments(courierException({ status: 'DRAFT', approvedAt: null }), ...window)).toEqual([]);
    const early = courierException({ status: 'REVOKED', revokedAt: T('2025-03-31T12:00:00Z') });
    expect(exceptionMoments(early, ...window)).toEqual([]);
  });

  it('keeps only moments within the window, both ends included', () => {
    const at = T('2026-04-01T00:00:00Z');
    expect(exceptionMoments(courierException(), at, at)).toEqual([{ at, reason: 'EXCEPTION_EXPIRED' }]);
    expect(exceptionMoments(courierException(), T('2025-04-01T00:00:00.001Z'), T('2026-03-31T23:59:59.999Z'))).toEqual(
      [],
    );
  });
});

describe('recipientStanding', () => {
  const grant: ConsentEventFact = {
    id: 'c1',
    purposeKey: 'JOURNAL_DELIVERY',
    action: 'GRANT',
    occurredAt: T('2025-04-10T00:00:00Z'),
    sequence: 1,
    policyVersion: 1,
  };
  const withdraw: ConsentEventFact = {
    ...grant,
    id: 'c2',
    action: 'WITHDRAW',
    occurredAt: T('2025-06-01T00:00:00Z'),
    sequence: 2,
  };
  const base = (overrides: Partial<RecipientStandingInput> = {}): RecipientStandingInput => ({
    providerId: 'p1',
    recipientId: 'courier',
    purposes: [journal],
    exceptions: [courierException()],
    consentEvents: [grant, withdraw],
    items: POSTAL.map((category, i) => ({ id: `i${i}`, category, publiclyAvailable: false })),
    cessations: [],
    policyVersion: 1,
    at: T('2025-05-01T00:00:00Z'),
    ...overrides,
  });

  it('gives the categories a contractor may receive while the served consent stands', () => {
    expect(recipientStanding(base())).toEqual(POSTAL);
  });

  it('knows nothing of a withdrawal recorded after `at`, and everything of it from then on', () => {
    expect(recipientStanding(base({ at: T('2025-05-31T23:59:59.999Z') }))).toEqual(POSTAL);
    expect(recipientStanding(base({ at: T('2025-06-01T00:00:00Z') }))).toEqual([]);
  });

  it('counts a revoked exception only before its revocation, and an expired one only before its end', () => {
    const revoked = courierException({ status: 'REVOKED', revokedAt: T('2025-05-01T00:00:00Z') });
    expect(recipientStanding(base({ exceptions: [revoked], at: T('2025-04-30T00:00:00Z') }))).toEqual(POSTAL);
    expect(recipientStanding(base({ exceptions: [revoked] }))).toEqual([]);
    expect(recipientStanding(base({ consentEvents: [grant], at: T('2026-04-01T00:00:00Z') }))).toEqual([]);
  });

  it('gives nothing from the moment a cessation of provision to this recipient applies', () => {
    const cessations = [
      { action: 'PROVIDE' as const, purposeKey: null, recipientId: 'courier', since: T('2025-04-20T00:00:00Z') },
    ];
    expect(recipientStanding(base({ cessations, at: T('2025-04-19T00:00:00Z') }))).toEqual(POSTAL);
    expect(recipientStanding(base({ cessations }))).toEqual([]);
    const elsewhere = [{ ...cessations[0]!, recipientId: 'someone-else' }];
    expect(recipientStanding(base({ cessations: elsewhere }))).toEqual(POSTAL);
  });

  it('unites categories granted under different exceptions', () => {
    const law = courierException({
      id: 'x-law',
      kind: 'LAW',
      evidence: {
        statute: 'Act',
        article: '1',
        requestingAuthority: 'Court',
        documentReference: 'D-1',
        issuedOn: T('2025-01-01T00:00:00Z'),
      },
      scope: { purposeKeys: ['JOURNAL_DELIVERY'], categories: ['EMAIL'], providerIds: ['p1'], recipientId: 'courier' },
    } as never);
    const items = [...POSTAL, 'EMAIL' as const].map((category, i) => ({
      id: `i${i}`,
      category,
      publiclyAvailable: false,
    }));
    expect(recipientStanding(base({ exceptions: [courierException(), law], items }))).toEqual([...POSTAL, 'EMAIL']);
    // The law still applies after the withdrawal; the contract does not.
    expect(
      recipientStanding(base({ exceptions: [courierException(), law], items, at: T('2025-07-01T00:00:00Z') })),
    ).toEqual(['EMAIL']);
  });
});
