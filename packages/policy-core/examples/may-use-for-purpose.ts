import { consentFor, mayUseForPurpose, type ConsentEventFact, type PurposeFact } from '@steward/policy-core';

const events: ConsentEventFact[] = [
  {
    id: 'e1',
    purposeKey: 'JOURNAL_DELIVERY',
    action: 'GRANT',
    occurredAt: new Date('2025-04-01T09:00:00Z'),
    sequence: 1,
    policyVersion: 3,
  },
  {
    id: 'e3',
    purposeKey: 'JOURNAL_DELIVERY',
    action: 'WITHDRAW',
    occurredAt: new Date('2025-06-30T12:00:00Z'),
    sequence: 7,
    policyVersion: 3,
  },
];
const purpose: PurposeFact = {
  key: 'JOURNAL_DELIVERY',
  title: 'Delivery of the Journal',
  categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
  retired: false,
};

// On 1 May consent was granted, but the purpose does not need an e-mail address.
const decision = mayUseForPurpose({
  purpose,
  categories: ['NAME', 'POSTAL_ADDRESS', 'EMAIL'],
  consent: consentFor(events, 'JOURNAL_DELIVERY', new Date('2025-05-01T00:00:00Z')),
});
console.log('allowed:', decision.allowed, 'basis:', decision.basis);
console.log('permitted:', decision.permitted, 'refused:', decision.refused);
for (const reason of decision.reasons) console.log(reason.code, reason.category, '-', reason.message);
console.log(decision.reasons[0]?.params);

// Consent is withdrawn now, but the provider made their name public themselves.
const published = mayUseForPurpose({
  purpose,
  categories: ['NAME'],
  consent: consentFor(events, 'JOURNAL_DELIVERY'),
  items: [{ id: 'item-17', category: 'NAME', publiclyAvailable: true }],
});
console.log('allowed:', published.allowed, 'basis:', published.basis, 'reason:', published.reasons[0]?.code);

// Output:
// allowed: false basis: null
// permitted: [ 'NAME', 'POSTAL_ADDRESS' ] refused: [ 'EMAIL' ]
// CONSENT_GRANTED NAME - Consent to "Delivery of the Journal" is granted.
// CONSENT_GRANTED POSTAL_ADDRESS - Consent to "Delivery of the Journal" is granted.
// CATEGORY_NOT_IN_PURPOSE EMAIL - The purpose "Delivery of the Journal" does not need E-mail address.
// {
//   purpose: 'Delivery of the Journal',
//   purposeKey: 'JOURNAL_DELIVERY',
//   category: 'NAME'
// }
// allowed: true basis: PUBLICLY_AVAILABLE reason: PUBLICLY_AVAILABLE
