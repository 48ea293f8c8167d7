import {
  effectiveStatus,
  missingEvidence,
  validateActivation,
  type OutsourcingEvidence,
  type PermittedExceptionFact,
  type PurposeFact,
} from '@steward/policy-core';

const known: PurposeFact[] = [
  { key: 'JOURNAL_DELIVERY', categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'], retired: false },
];

const contract: OutsourcingEvidence = {
  recipientId: 'courier',
  contractReference: 'CT-2025-07',
  servesPurposeKey: 'JOURNAL_DELIVERY',
  categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
  supervisionRecord: 'Data-handling agreement of 2025-03-01; annual audit.',
};

const courier: PermittedExceptionFact = {
  id: 'x-courier',
  kind: 'OUTSOURCING',
  evidence: contract,
  scope: {
    purposeKeys: ['JOURNAL_DELIVERY'],
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
    providerIds: 'ALL',
    recipientId: 'courier',
  },
  validFrom: new Date('2025-04-01T00:00:00Z'),
  validUntil: new Date('2026-04-01T00:00:00Z'),
  status: 'DRAFT',
  authorId: 'alice',
  approvedById: null,
  approvedAt: null,
  revokedAt: null,
};

const print = (issues: readonly { field: string; code: string }[]) =>
  console.log(issues.map((i) => `${i.field} ${i.code}`));

print(missingEvidence('LAW', { statute: 'Code of Criminal Procedure' }));
print(missingEvidence('OUTSOURCING', { ...contract, categories: ['NAME', 'EMAIL'] }, known));

// Four eyes: the author cannot approve their own exception.
const activation = validateActivation({
  exception: courier,
  approverId: 'alice',
  approverRole: 'OWNER',
  at: new Date('2025-03-31T00:00:00Z'),
  purposes: known,
});
if (!activation.ok) print(activation.issues);

// validUntil is exclusive.
const approved = {
  ...courier,
  status: 'ACTIVE',
  approvedById: 'bob',
  approvedAt: new Date('2025-03-31T00:00:00Z'),
} as const;
console.log(effectiveStatus(approved, new Date('2025-03-31T12:00:00Z')));
console.log(effectiveStatus(approved, new Date('2026-03-31T23:59:59Z')));
console.log(effectiveStatus(approved, new Date('2026-04-01T00:00:00Z')));

// Output:
// [
//   'evidence.article REQUIRED',
//   'evidence.requestingAuthority REQUIRED',
//   'evidence.documentReference REQUIRED',
//   'evidence.issuedOn REQUIRED'
// ]
// [ 'evidence.categories[1] CATEGORY_NOT_NEEDED' ]
// [ 'approverId SELF_APPROVAL' ]
// NOT_YET_VALID
// ACTIVE
// EXPIRED
