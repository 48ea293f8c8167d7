import type { ProduceDisclosurePackageMutation, ProviderRequestQuery } from '@steward/schema';
import { buildDisclosureJson } from '../documents/document-fixtures.js';

type Request = NonNullable<ProviderRequestQuery['providerRequest']>;
type Package = ProduceDisclosurePackageMutation['produceDisclosurePackage'];

export function buildRequest(overrides: Partial<Request> = {}): Request {
  return {
    id: 'req-1',
    reference: 'R-ABCDEFGH23',
    kind: 'DISCLOSURE',
    channel: 'WEB_FORM',
    status: 'IN_PROGRESS',
    receivedAt: '2026-04-01T09:00:00Z',
    dueAt: '2026-04-15T14:59:59.999Z',
    overdue: false,
    urgency: 'ON_TRACK',
    daysRemaining: 9,
    allowedNextStatuses: ['COMPLETED', 'REJECTED'],
    requester: {
      name: 'Hanako Yamada',
      contact: 'hanako@example.jp',
      details: 'Everything you hold.',
      cookieConsentIds: [],
    },
    provider: { id: 'prov-1', reference: 'R-00001', displayName: 'Hanako Yamada', kind: 'SERVICE_USER', version: 5 },
    enteredBy: null,
    verification: {
      method: 'ID_DOCUMENT',
      verifiedBy: 'Officer Suzuki',
      verifiedAt: '2026-04-02T01:00:00Z',
      note: null,
    },
    rejectionReason: null,
    completedAt: null,
    resolution: null,
    packageProducedAt: null,
    packageHash: null,
    earlierHead: null,
    version: 4,
    // What the API answers an owner or privacy officer for this verified disclosure request in progress.
    abilities: { link: false, verify: false, changeStatus: true, disclose: true, amend: false, cease: false },
    history: [
      { fromStatus: null, toStatus: 'RECEIVED', at: '2026-04-01T09:00:00Z', actorName: 'Public form', reason: null },
    ],
    ...overrides,
  };
}

export function buildPackage(overrides: Partial<Package> = {}): Package {
  return {
    formatVersion: 'steward.disclosure/6',
    language: 'en',
    requestId: 'req-1',
    requestReference: 'R-ABCDEFGH23',
    producedAt: '2026-04-03T01:00:00Z',
    controller: 'The Japan Society for Precision Engineering (Secretariat, jspe@example.jp, 03-0000-0000)',
    policyVersion: 1,
    provider: { id: 'prov-1', reference: 'R-00001', kind: 'SERVICE_USER', createdAt: '2025-04-05T03:00:00Z' },
    dataItems: [
      {
        id: 'item-1',
        category: 'NAME',
        value: 'Hanako Yamada',
        source: 'Spring meeting',
        channel: 'PAPER_FORM',
        collectedAt: '2025-04-05T03:00:00Z',
        collectionId: 'coll-1',
        publiclyAvailable: false,
        publicProvenance: null,
      },
    ],
    collections: [],
    consents: [
      {
        purposeKey: 'JOURNAL_DELIVERY',
        purposeTitle: 'Journal delivery',
        state: 'GRANTED',
        since: '2025-04-05T03:00:00Z',
        policyVersion: 1,
      },
    ],
    consentEvents: [],
    ledgerCount: 1,
    ledger: [
      {
        sequence: 7,
        recordedAt: '2026-01-10T00:00:00Z',
        kind: 'PROVISION',
        actor: 'partner:key-1',
        purposeKey: 'JOURNAL_DELIVERY',
        recipientId: 'rec-1',
        categories: ['NAME', 'POSTAL_ADDRESS'],
        outcome: 'ALLOWED',
        basisKind: 'EXCEPTION',
        exceptionKind: 'OUTSOURCING',
        policyVersion: 1,
        hash: 'f'.repeat(64),
      },
    ],
    recipients: [{ id: 'rec-1', name: 'Swift Courier Co.', kind: 'CONTRACTOR' }],
    actors: [{ ref: 'partner:key-1', description: "Swift Courier Co. (the recipient's system, with a partner key)" }],
    requests: [],
    amendments: [],
    cessations: [],
    sections: [
      { key: 'inquiries', title: 'Inquiries', count: 0, json: '[]' },
      { key: 'cookieConsents', title: 'Cookie consents', count: 0, json: '[]' },
    ],
    json: JSON.stringify(buildDisclosureJson('en')),
    sha256: 'a'.repeat(64),
    ...overrides,
  };
}
