import {
  FIELD_LIMITS,
  nameIndexTerms,
  nameSearchTerms,
  normalizeEmail,
  normalizeForSearch,
  validateDataItemValue,
  validateField,
  validateText,
} from '@steward/policy-core';

console.log(validateField('EMAIL', 'jspe_jspe@jspe.or.jp'));
console.log(validateField('TELEPHONE', '+81-3-5226-5191'));
console.log(validateField('POSTAL_CODE', '〒102-0073', { field: 'postalCode' }));
console.log(validateDataItemValue('NAME', 'Taro\u202Egnp.exe', 'items[0].value'));
console.log(validateDataItemValue('NAME_READING', '山田')?.code); // kana or Latin letters only
console.log(validateText(null, { field: 'note', maxLength: FIELD_LIMITS.note, required: false, multiline: true }));

console.log(normalizeEmail(' ＴＡＲＯ@Example.JP ')); // for a blind-index lookup, not for sending
console.log(normalizeForSearch('ﾀﾅｶ けん')); // NFKC, lower case, hiragana → katakana
console.log(nameIndexTerms('田中 健'));
console.log(nameSearchTerms('田中健')); // every one must match
console.log(nameSearchTerms('Yamada　TARO'));

// Output:
// null
// null
// {
//   field: 'postalCode',
//   code: 'INVALID_FORMAT',
//   message: 'Use a postal code such as 102-0073 (3–10 letters or digits, single spaces or hyphens).'
// }
// {
//   field: 'items[0].value',
//   code: 'CONTROL_CHARACTERS',
//   message: 'Contains a text-direction control character (U+202E) at character 5.'
// }
// INVALID_FORMAT
// null
// taro@example.jp
// タナカ ケン
// { words: [], grams: [ '田', '中', '健', '田中', '中健' ] }
// { words: [], grams: [ '田中', '中健' ] }
// { words: [ 'yamada', 'taro' ], grams: [] }
