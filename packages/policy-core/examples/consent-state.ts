import { consentFor, currentConsents, validateConsentChange, type ConsentEventFact } from '@steward/policy-core';

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
    id: 'e2',
    purposeKey: 'NEWSLETTER',
    action: 'REFUSE',
    occurredAt: new Date('2025-04-01T09:00:00Z'),
    sequence: 2,
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

console.log('now:', currentConsents(events).get('JOURNAL_DELIVERY')?.state);
console.log('on 1 May:', consentFor(events, 'JOURNAL_DELIVERY', new Date('2025-05-01T00:00:00Z')).state);
console.log('never asked:', consentFor(events, 'EVENT_PHOTOS').state);

// Before recording a new event: is it a real change?
const change = validateConsentChange('GRANTED', 'REFUSE');
if (!change.ok) for (const issue of change.issues) console.log(issue.field, issue.code, '-', issue.message);

// Output:
// now: WITHDRAWN
// on 1 May: GRANTED
// never asked: NOT_ASKED
// action INVALID_TRANSITION - Consent is granted: record a WITHDRAW, not a REFUSE.
