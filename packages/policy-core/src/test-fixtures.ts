/**
 * Facts shared by policy-core's tests. Not part of the package: tsconfig.build.json leaves it out of
 * dist and index.ts does not export it.
 */
import type { PermittedExceptionFact } from './exceptions/exception-evidence.js';

const T = (iso: string) => new Date(iso);

/** An approved exception's dates and people: approved by bob on 2025-03-31, valid from 2025-04-01 for a year. */
export const APPROVED_FOR_A_YEAR = {
  validFrom: T('2025-04-01T00:00:00Z'),
  validUntil: T('2026-04-01T00:00:00Z'),
  status: 'ACTIVE',
  authorId: 'alice',
  approvedById: 'bob',
  approvedAt: T('2025-03-31T00:00:00Z'),
  revokedAt: null,
} as const;

/**
 * The courier's OUTSOURCING exception, approved and in effect: it delivers the journal
 * (JOURNAL_DELIVERY: NAME, POSTAL_CODE, POSTAL_ADDRESS) of every provider under contract CT-2025-07.
 */
export function courierException(overrides: Partial<PermittedExceptionFact> = {}): PermittedExceptionFact {
  return {
    ...APPROVED_FOR_A_YEAR,
    id: 'x-courier',
    kind: 'OUTSOURCING',
    evidence: {
      recipientId: 'courier',
      contractReference: 'CT-2025-07',
      servesPurposeKey: 'JOURNAL_DELIVERY',
      categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
      supervisionRecord: 'Annual audit.',
    },
    scope: {
      purposeKeys: ['JOURNAL_DELIVERY'],
      categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
      providerIds: 'ALL',
      recipientId: 'courier',
    },
    ...overrides,
  } as PermittedExceptionFact;
}
