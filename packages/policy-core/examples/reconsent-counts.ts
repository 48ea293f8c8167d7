import { countReconsent, lackingConsent, reconsentCover, reconsentStanding } from '@steward/policy-core';

console.log(reconsentStanding({ state: 'GRANTED', policyVersion: 4 }, 4)); // exactly at the version
console.log(reconsentStanding({ state: 'GRANTED', policyVersion: 3 }, 4));
console.log(reconsentStanding(null, 4)); // nothing recorded

console.log(lackingConsent({ providerId: 'p-17', purposeKey: 'NEWSLETTER', consent: null, nextVersion: 4 }));
// The rows a store may skip when it looks for who lacks consent:
console.log(reconsentCover(4));

const counts = countReconsent({
  nextVersion: 4,
  providers: 10, // per purpose, those in no group have nothing recorded
  purposes: [
    { key: 'JOURNAL_DELIVERY', groups: [{ consent: { state: 'GRANTED', policyVersion: 4 }, providers: 3 }] },
    { key: 'NEWSLETTER', groups: [{ consent: { state: 'REFUSED', policyVersion: 4 }, providers: 2 }] },
  ],
  coveredForAll: 0, // providers holding reconsentCover(4)'s consent for every purpose, counted by the store
});
for (const purpose of counts.purposes) console.log(purpose);
console.log({
  providers: counts.providers,
  providersToAsk: counts.providersToAsk,
  consentsMissing: counts.consentsMissing,
});

// Output:
// COVERED
// GRANTED_BEFORE_VERSION
// NOT_ASKED
// {
//   providerId: 'p-17',
//   state: 'NOT_ASKED',
//   policyVersion: null,
//   reason: 'NOT_GRANTED',
//   message: 'Consent to "NEWSLETTER" is not asked.'
// }
// { state: 'GRANTED', fromPolicyVersion: 4 }
// {
//   key: 'JOURNAL_DELIVERY',
//   covered: 3,
//   notAsked: 7,
//   grantedBeforeVersion: 0,
//   refused: 0,
//   withdrawn: 0,
//   lacking: 7
// }
// {
//   key: 'NEWSLETTER',
//   covered: 0,
//   notAsked: 8,
//   grantedBeforeVersion: 0,
//   refused: 2,
//   withdrawn: 0,
//   lacking: 10
// }
// { providers: 10, providersToAsk: 10, consentsMissing: 17 }
