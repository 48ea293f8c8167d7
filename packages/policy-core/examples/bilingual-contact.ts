import {
  bilingualFromLegacy,
  contactDrift,
  rewriteContactClause,
  textFor,
  type ContactDetails,
} from '@steward/policy-core';

console.log(bilingualFromLegacy('2005年11月18日制定')); // Japanese characters: Japanese
console.log(textFor({ ja: '', en: 'Constituted.' }, 'ja')); // no Japanese text: the English one

// Clause 8 of the published version, in each language…
const clause8 = {
  ja: [
    '本会のプライバシーポリシーに関するお問い合わせは、下記までご連絡ください。',
    '公益社団法人精密工学会 事務局',
    '〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル',
    'TEL 03-5226-5191 / FAX 03-5226-5192',
    'E-mail jspe_jspe@jspe.or.jp',
  ].join('\n'),
  en: [
    'For any inquiries regarding the privacy policy at JSPE, Please contact the following address.',
    'The Japan Society for Precision Engineering Secretariat',
    'Kudan-Seiwa Building, 1-5-9, Kudan-kita, Chiyoda-ku, Tokyo,',
    '102-0073, JAPAN',
    'TEL +81-3-5226-5191 / FAX +81-3-5226-5192',
    'E-mail jspe_jspe@jspe.or.jp',
  ].join('\n'),
};
// …and the secretariat's contact in the settings, after the telephone number changed.
const contact: ContactDetails = {
  secretariatNameJa: '公益社団法人精密工学会 事務局',
  secretariatNameEn: 'The Japan Society for Precision Engineering Secretariat',
  postalAddressJa: '〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル',
  postalAddressEn: 'Kudan-Seiwa Building, 1-5-9, Kudan-kita, Chiyoda-ku, Tokyo,\n102-0073, JAPAN',
  telephone: '03-9999-0000',
  fax: '+81-3-5226-5192',
  email: 'jspe_jspe@jspe.or.jp',
};

// Published versions never change, so the edited contact leaves clause 8 of the version in force behind:
console.log(contactDrift(clause8, contact));
// The next version's clause 8: the introduction kept, the contact block rewritten.
console.log(rewriteContactClause(clause8.ja, contact, 'ja'));

// Output:
// { ja: '2005年11月18日制定', en: '' }
// { text: 'Constituted.', language: 'en' }
// [
//   {
//     field: 'telephone',
//     language: 'ja',
//     current: '03-9999-0000',
//     published: '03-5226-5191'
//   },
//   {
//     field: 'telephone',
//     language: 'en',
//     current: '03-9999-0000',
//     published: '+81-3-5226-5191'
//   }
// ]
// 本会のプライバシーポリシーに関するお問い合わせは、下記までご連絡ください。
// 公益社団法人精密工学会 事務局
// 〒102-0073 東京都千代田区九段北1-5-9 九段誠和ビル
// TEL 03-9999-0000 / FAX 03-5226-5192
// E-mail jspe_jspe@jspe.or.jp
