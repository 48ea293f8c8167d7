import { IntlMessageFormat } from 'intl-messageformat';
import { label, localizeParams, mayUseForPurpose, messageText, messages, reasonKey } from '@steward/policy-core';

const [reason] = mayUseForPurpose({
  purpose: { key: 'JOURNAL_DELIVERY', title: '学会誌の送付', categories: ['NAME'], retired: false },
  categories: ['EMAIL'],
  consent: { purposeKey: 'JOURNAL_DELIVERY', state: 'GRANTED', since: null, policyVersion: 3, eventId: 'e1' },
}).reasons;
if (!reason) throw new Error('a decision has a reason per category');

console.log(reason.code);
console.log(reason.params);
console.log(messageText('ja', reasonKey(reason.code), reason.params));
// The same with any ICU formatter (here intl-messageformat, which you install yourself):
console.log(
  new IntlMessageFormat(messages.ja[reasonKey(reason.code)], 'ja').format(localizeParams(reason.params, 'ja')),
);
console.log(label('ja', 'requestKind', 'CESSATION'));

// Output:
// CATEGORY_NOT_IN_PURPOSE
// {
//   purpose: '学会誌の送付',
//   purposeKey: 'JOURNAL_DELIVERY',
//   category: 'EMAIL'
// }
// 利用目的「学会誌の送付」にメールアドレスは必要ありません。
// 利用目的「学会誌の送付」にメールアドレスは必要ありません。
// 利用停止
