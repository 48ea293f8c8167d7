import { consentFor, decide, type ConsentEventFact, type PermittedExceptionFact } from '@steward/policy-core';

const events: ConsentEventFact[] = [
  {
    id: 'e1',
    purposeKey: 'JOURNAL_DELIVERY',
    action: 'GRANT',
    occurredAt: new Date('2025-04-01T09:00:00Z'),
    sequence: 1,
    policyVersion: 3,
  },
];

// The courier's outsourcing contract, approved by someone other than its author.
const courier: PermittedExceptionFact = {
  id: 'x-courier',
  title: 'Journal delivery by Yamato Transport',
  kind: 'OUTSOURCING',
  evidence: {
    recipientId: 'courier',
    contractReference: 'CT-2025-07',
    servesPurposeKey: 'JOURNAL_DELIVERY',
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
    supervisionRecord: 'Data-handling agreement of 2025-03-01; annual audit.',
  },
  scope: {
    purposeKeys: ['JOURNAL_DELIVERY'],
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
    providerIds: 'ALL',
    recipientId: 'courier',
  },
  validFrom: new Date('2025-04-01T00:00:00Z'),
  validUntil: new Date('2026-04-01T00:00:00Z'),
  status: 'ACTIVE',
  authorId: 'alice',
  approvedById: 'bob',
  approvedAt: new Date('2025-03-31T00:00:00Z'),
  revokedAt: null,
};

const request = {
  action: 'PROVIDE',
  providerId: 'member-17',
  purpose: {
    key: 'JOURNAL_DELIVERY',
    title: 'Delivery of the Journal',
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL'],
    retired: false,
  },
  recipientId: 'courier',
  recipientName: 'Yamato Transport',
  consent: consentFor(events, 'JOURNAL_DELIVERY'), // GRANTED, but consent never provides
  exceptions: [courier],
  policyVersion: 3,
  at: new Date('2025-06-01T00:00:00Z'),
} as const;

const denied = decide({ ...request, categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS', 'EMAIL'] });
console.log('allowed:', denied.allowed, 'policy version:', denied.policyVersion);
console.log('permitted:', denied.permitted, 'refused:', denied.refused);
for (const { code, category, message } of denied.reasons) {
  console.log([code, category, '-', message].filter(Boolean).join(' '));
}

const allowed = decide({ ...request, categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'] });
console.log('allowed:', allowed.allowed, allowed.basis);

// Output:
// allowed: false policy version: 3
// permitted: [ 'NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS' ] refused: [ 'EMAIL' ]
// PROVISION_NEEDS_EXCEPTION - Consent to "Delivery of the Journal" does not allow providing data to "Yamato Transport": a permitted exception must cover it.
// EXCEPTION_APPLIES NAME - The exception "Journal delivery by Yamato Transport" covers Name for provision to "Yamato Transport" for "Delivery of the Journal".
// EXCEPTION_APPLIES POSTAL_CODE - The exception "Journal delivery by Yamato Transport" covers Postal code for provision to "Yamato Transport" for "Delivery of the Journal".
// EXCEPTION_APPLIES POSTAL_ADDRESS - The exception "Journal delivery by Yamato Transport" covers Postal address for provision to "Yamato Transport" for "Delivery of the Journal".
// EXCEPTION_CATEGORY_NOT_COVERED EMAIL - The exception "Journal delivery by Yamato Transport" does not cover E-mail address.
// allowed: true {
//   kind: 'EXCEPTION',
//   exceptionId: 'x-courier',
//   exceptionKind: 'OUTSOURCING'
// }
