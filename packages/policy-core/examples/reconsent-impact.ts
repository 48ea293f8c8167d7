import {
  currentConsents,
  purposeChanges,
  reconsentImpact,
  type ConsentEventFact,
  type PurposeFact,
} from '@steward/policy-core';

const currentPurposes: PurposeFact[] = [
  { key: 'JOURNAL_DELIVERY', categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'], retired: false },
  { key: 'NEWSLETTER', categories: ['NAME', 'EMAIL'], retired: false },
  { key: 'EVENT_PHOTOS', categories: ['NAME'], retired: false },
];
// Version 4 adds conference registration, delivers the journal by e-mail too (without the postal
// code) and retires the event photos.
const nextPurposes: PurposeFact[] = [
  { key: 'JOURNAL_DELIVERY', categories: ['NAME', 'POSTAL_ADDRESS', 'EMAIL'], retired: false },
  { key: 'NEWSLETTER', categories: ['NAME', 'EMAIL'], retired: false },
  { key: 'EVENT_PHOTOS', categories: ['NAME'], retired: true },
  { key: 'CONFERENCE_REGISTRATION', categories: ['NAME', 'AFFILIATION'], retired: false },
];

const changes = purposeChanges(currentPurposes, nextPurposes);
console.log('added:', changes.added, 'retired:', changes.retired, 'unchanged:', changes.unchanged);
for (const { key, addedCategories } of changes.widened) console.log('widened:', key, addedCategories);
for (const { key, removedCategories } of changes.narrowed) console.log('narrowed:', key, removedCategories);

// Provider p-17 granted the journal's delivery under version 3 and has not been asked since.
const eventsOfP17: ConsentEventFact[] = [
  {
    id: 'e1',
    purposeKey: 'JOURNAL_DELIVERY',
    action: 'GRANT',
    occurredAt: new Date('2025-04-01T09:00:00Z'),
    sequence: 1,
    policyVersion: 3,
  },
];

const impact = reconsentImpact({
  current: currentPurposes,
  next: nextPurposes,
  nextVersion: 4,
  providers: [{ providerId: 'p-17', consents: currentConsents(eventsOfP17) }], // a Map or an array
});
for (const purpose of impact.purposes) {
  console.log(purpose.key, purpose.change, purpose.addedCategories);
  for (const lacking of purpose.lacking) console.log(' ', lacking.providerId, lacking.reason, '-', lacking.message);
}
console.log(impact.summary);

// Output:
// added: [ 'CONFERENCE_REGISTRATION' ] retired: [ 'EVENT_PHOTOS' ] unchanged: [ 'NEWSLETTER' ]
// widened: JOURNAL_DELIVERY [ 'EMAIL' ]
// narrowed: JOURNAL_DELIVERY [ 'POSTAL_CODE' ]
// CONFERENCE_REGISTRATION ADDED [ 'NAME', 'AFFILIATION' ]
//   p-17 NOT_GRANTED - Consent to "CONFERENCE_REGISTRATION" is not asked.
// JOURNAL_DELIVERY WIDENED [ 'EMAIL' ]
//   p-17 GRANTED_BEFORE_VERSION - Consent to "JOURNAL_DELIVERY" was granted under version 3, before version 4.
// {
//   purposesAffected: 2,
//   providers: 1,
//   providersToAsk: 1,
//   consentsMissing: 2
// }
