import { validateCollection, type PurposeFact } from '@steward/policy-core';

const known: PurposeFact[] = [
  { key: 'JOURNAL_DELIVERY', categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'], retired: false },
  { key: 'NEWSLETTER', categories: ['NAME', 'EMAIL'], retired: false },
];

const result = validateCollection(
  {
    providerKind: 'SERVICE_USER',
    channel: 'WEB_FORM',
    consentMethod: 'WEB_CHECKBOX',
    policyVersionShown: 2,
    currentPolicyVersion: 3,
    purposes: [
      { purposeKey: 'JOURNAL_DELIVERY', granted: true },
      { purposeKey: 'NEWSLETTER', granted: false },
    ],
    items: [
      { category: 'NAME', value: '山田 太郎' },
      { category: 'EMAIL', value: 'taro@example.jp' },
      { category: 'TELEPHONE', value: '03-5226-5191' },
    ],
  },
  known,
);

if (!result.ok) for (const issue of result.issues) console.log(issue.field, issue.code, '-', issue.message);

// Output:
// policyVersionShown POLICY_VERSION_NOT_CURRENT - The provider was shown policy version 2; the current version is 3.
// items[1].category CATEGORY_ONLY_FOR_REFUSED_PURPOSE - E-mail address is needed only by purposes the provider refused.
// items[2].category CATEGORY_NOT_NEEDED - No specified purpose needs Telephone number.
