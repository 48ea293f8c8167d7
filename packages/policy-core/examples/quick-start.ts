import { consentFor, mayUseForPurpose, type ConsentEventFact } from '@steward/policy-core';

// Consent is derived from the provider's consent events, never stored as a flag.
const events: ConsentEventFact[] = [
  {
    id: 'e1',
    purposeKey: 'NEWSLETTER',
    action: 'GRANT',
    occurredAt: new Date('2025-04-01T09:00:00Z'),
    sequence: 1,
    policyVersion: 3,
  },
];

const decision = mayUseForPurpose({
  purpose: { key: 'NEWSLETTER', title: 'The newsletter', categories: ['NAME', 'EMAIL'], retired: false },
  categories: ['EMAIL'],
  consent: consentFor(events, 'NEWSLETTER', new Date('2025-05-01T00:00:00Z')),
});

console.log('allowed:', decision.allowed, 'basis:', decision.basis);
for (const reason of decision.reasons) console.log(reason.code, '-', reason.message);

// Output:
// allowed: true basis: CONSENT
// CONSENT_GRANTED - Consent to "The newsletter" is granted.
