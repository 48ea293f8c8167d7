import type { PermittedExceptionQuery, RecipientFieldsFragment } from '@steward/schema';

/** An exception as its page reads it (the list's fields and the scope's providers by name). */
export type DetailedException = NonNullable<PermittedExceptionQuery['permittedException']>;

// Test factories for the exception and recipient screens (overrides per STYLE.md).

export function buildRecipient(overrides: Partial<RecipientFieldsFragment> = {}): RecipientFieldsFragment {
  return {
    id: 'rcp-1',
    name: 'Kudan Courier Co.',
    kind: 'CONTRACTOR',
    contact: 'dispatch@courier.example',
    notes: null,
    createdAt: '2025-03-01T00:00:00Z',
    credentials: [],
    ...overrides,
  };
}

export function buildException(overrides: Partial<DetailedException> = {}): DetailedException {
  return {
    id: 'exc-1',
    kind: 'OUTSOURCING',
    title: 'Journal delivery by courier',
    status: 'DRAFT',
    evidence: {
      law: null,
      providerAgreement: null,
      outsourcing: {
        recipientId: 'rcp-1',
        contractReference: 'C-2025-07',
        servesPurposeKey: 'journal-delivery',
        categories: ['NAME', 'POSTAL_ADDRESS'],
        supervisionRecord: 'Annual audit 2025',
      },
      boardApproval: null,
    },
    scope: {
      purposeKeys: ['journal-delivery'],
      categories: ['NAME', 'POSTAL_ADDRESS'],
      allProviders: true,
      providerIds: [],
      providers: [],
      withdrawnProviderIds: [],
      recipient: { id: 'rcp-1', name: 'Kudan Courier Co.', kind: 'CONTRACTOR' },
    },
    missingEvidence: [],
    validFrom: '2025-04-01T00:00:00Z',
    validUntil: null,
    authoredBy: 'Owner Sato',
    authoredById: 'user-owner',
    approvedBy: null,
    approvedAt: null,
    revokedBy: null,
    revokedAt: null,
    revocationReason: null,
    version: 1,
    createdAt: '2025-04-01T00:00:00Z',
    updatedAt: '2025-04-01T00:00:00Z',
    // What the API answers a second owner or privacy officer (not the author) for this draft.
    abilities: { edit: true, approve: true, revoke: false },
    ...overrides,
  };
}
