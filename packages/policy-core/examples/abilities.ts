import { exceptionAbilities, requestAbilities, validateProviderLink } from '@steward/policy-core';

const officer = { userId: 'u-2', role: 'PRIVACY_OFFICER' } as const;

// Four eyes: the author cannot approve their own draft.
console.log(exceptionAbilities({ status: 'DRAFT', authorId: 'u-2' }, officer));
console.log(exceptionAbilities({ status: 'DRAFT', authorId: 'u-1' }, officer));

console.log(
  requestAbilities({ kind: 'DISCLOSURE', status: 'VERIFYING', providerLinked: true, identityVerified: false }, officer),
);
// Once the work is under way, the provider can no longer change.
console.log(validateProviderLink({ status: 'IN_PROGRESS', identityVerified: true }).ok);

// Output:
// { edit: true, approve: false, revoke: false }
// { edit: true, approve: true, revoke: false }
// {
//   link: true,
//   verify: true,
//   changeStatus: true,
//   disclose: false,
//   amend: false,
//   cease: false
// }
// false
