import {
  choiceFromList,
  isVisitorId,
  normalizeOrigin,
  validateCookieSite,
  type CookieSiteDraft,
} from '@steward/policy-core';

// As browsers send Origin; null for paths, other schemes, credentials.
console.log(normalizeOrigin('HTTPS://WWW.JSPE.OR.JP:443'));
console.log(normalizeOrigin('https://www.jspe.or.jp/privacy'));
console.log(isVisitorId('7f8a2c1e-3b4d-4e5f-9a6b-0c1d2e3f4a5b'), isVisitorId('visitor-1')); // version-4 UUIDs only

const site: CookieSiteDraft = {
  name: 'JSPE website',
  domains: ['www.jspe.or.jp'],
  allowedOrigins: ['https://www.jspe.or.jp'],
  consentLifetimeDays: 180,
  honoursGpc: true,
  bannerTitle: { en: 'Cookies on this site', ja: 'クッキーの利用について' },
  bannerText: {
    en: 'We use cookies as our privacy policy (clause 6) describes.',
    ja: '本サイトはクッキーを利用します。',
  },
};
console.log(validateCookieSite(site));
console.log(validateCookieSite({ ...site, consentLifetimeDays: 400 })); // 1–395 days

// Feed the record to validateCookieChoice:
console.log(choiceFromList([{ category: 'ANALYTICS', accepted: true }]));

// Output:
// https://www.jspe.or.jp
// null
// true false
// []
// [
//   {
//     field: 'consentLifetimeDays',
//     code: 'INVALID_VALUE',
//     message: 'A whole number of days from 1 to 395.'
//   }
// ]
// { record: { ANALYTICS: true }, issues: [] }
