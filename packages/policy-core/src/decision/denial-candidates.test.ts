import { describe, expect, it } from 'vitest';
import type { PermittedExceptionFact } from '../exceptions/exception-evidence.js';
import { courierException as courier } from '../test-fixtures.js';
import { decide, type DecideInput } from './decide.js';
import { isDenialCandidate, type DenialRequest } from './denial-candidates.js';

const T = (iso: string) => new Date(iso);
const AT = T('2025-06-01T00:00:00Z');
const provide: DenialRequest = { action: 'PROVIDE', purposeKey: 'JOURNAL_DELIVERY', recipientId: 'courier', at: AT };
const use: DenialRequest = { action: 'USE', purposeKey: 'JOURNAL_DELIVERY', recipientId: null, at: AT };

/** The courier's exception with another purpose and/or recipient. */
function other(purposeKey: string, recipientId: string | null, o: Partial<PermittedExceptionFact> = {}) {
  return courier({
    id: `x-${purposeKey}-${recipientId}`,
    scope: { ...courier().scope, purposeKeys: [purposeKey], recipientId },
    ...o,
  });
}

describe('isDenialCandidate', () => {
  it('in effect: a candidate when it names the purpose or, for a provision, the recipient', () => {
    expect(isDenialCandidate(courier(), provide)).toBe(true);
    expect(isDenialCandidate(other('EVENT_NEWS', 'courier'), provide)).toBe(true); // same recipient
    expect(isDenialCandidate(other('JOURNAL_DELIVERY', 'printer'), provide)).toBe(true); // same purpose
    expect(isDenialCandidate(other('JOURNAL_DELIVERY', null), provide)).toBe(true); // internal use of the purpose
    expect(isDenialCandidate(other('EVENT_NEWS', 'printer'), provide)).toBe(false);
    expect(isDenialCandidate(other('EVENT_NEWS', null), provide)).toBe(false);
    // A use has no recipient: only the purpose relates an exception to it.
    expect(isDenialCandidate(courier(), use)).toBe(true);
    expect(isDenialCandidate(other('EVENT_NEWS', 'courier'), use)).toBe(false);
    expect(isDenialCandidate(other('EVENT_NEWS', null), use)).toBe(false);
    // Failing on the provider or a category does not make it any less a candidate.
    expect(isDenialCandidate(courier({ scope: { ...courier().scope, providerIds: ['someone-else'] } }), provide)).toBe(
      true,
    );
  });

  it('revoked, expired or not yet valid: a candidate only when made for exactly this purpose and recipient', () => {
    const ended = [
      { revokedAt: T('2025-05-01T00:00:00Z') },
      { validUntil: AT }, // expires at the exact instant
      { validFrom: T('2025-06-01T00:00:00.001Z') },
    ] as Partial<PermittedExceptionFact>[];
    for (const o of ended) {
      expect(isDenialCandidate(courier(o), provide)).toBe(true);
      expect(isDenialCandidate(courier(o), use)).toBe(true);
      expect(isDenialCandidate(other('EVENT_NEWS', 'courier', o), provide)).toBe(false);
      expect(isDenialCandidate(other('JOURNAL_DELIVERY', 'printer', o), provide)).toBe(false);
      expect(isDenialCandidate(other('EVENT_NEWS', null, o), use)).toBe(false);
    }
  });

  it('never a draft', () => {
    expect(isDenialCandidate(courier({ status: 'DRAFT', approvedAt: null, approvedById: null }), provide)).toBe(false);
  });

  it('keeps a denial to the candidates among 50 exceptions, whatever else the organisation has', () => {
    const unrelated = Array.from({ length: 47 }, (_, i) =>
      other(`PURPOSE_${i}`, i % 2 ? `recipient-${i}` : null, i % 3 ? {} : { revokedAt: T('2025-05-01T00:00:00Z') }),
    );
    const listed = courier({ id: 'x-listed', scope: { ...courier().scope, providerIds: ['p2'] } });
    const revoked = courier({ id: 'x-revoked', revokedAt: T('2025-05-01T00:00:00Z') });
    const forNews = other('EVENT_NEWS', 'courier');
    const input: DecideInput = {
      action: 'PROVIDE',
      providerId: 'p1',
      purpose: { key: 'JOURNAL_DELIVERY', categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'], retired: false },
      categories: ['NAME'],
      recipientId: 'courier',
      consent: { purposeKey: 'JOURNAL_DELIVERY', state: 'GRANTED', since: AT, policyVersion: 1, eventId: 'ce-1' },
      exceptions: [...unrelated, listed, revoked, forNews],
      policyVersion: 1,
      at: AT,
    };
    const d = decide(input);
    expect(d.allowed).toBe(false);
    const named = new Set(d.reasons.flatMap((r) => (r.exceptionId ? [r.exceptionId] : [])));
    expect([...named].sort()).toEqual(['x-EVENT_NEWS-courier', 'x-listed', 'x-revoked']);
    expect(d.reasons.map((r) => r.code)).toEqual([
      'PROVISION_NEEDS_EXCEPTION',
      'NO_EXCEPTION_APPLIES',
      // In preference order (same validFrom: by id).
      'EXCEPTION_PURPOSE_NOT_COVERED',
      'EXCEPTION_PROVIDER_NOT_COVERED',
      'EXCEPTION_NOT_IN_EFFECT',
    ]);
    expect(d.reasons[1]!.message).toBe(
      'No permitted exception in effect covers providing data to "courier" for "JOURNAL_DELIVERY".',
    );
    // The same decision with only the candidates: the same reasons, so nothing else changed it.
    expect(decide({ ...input, exceptions: [listed, revoked, forNews] }).reasons).toEqual(d.reasons);
  });
});
