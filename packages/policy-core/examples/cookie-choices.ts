import {
  acceptAllCookieChoice,
  applyGpc,
  defaultCookieChoice,
  gpcForcesOff,
  isChoiceExpired,
  validateCookieChoice,
} from '@steward/policy-core';

// The site honours Global Privacy Control and the browser sends it.
const gpc = { gpc: true, honoursGpc: true };

console.log(defaultCookieChoice(gpc));
console.log(acceptAllCookieChoice(gpc));
console.log(gpcForcesOff('ANALYTICS', gpc), gpcForcesOff('FUNCTIONAL', gpc));
console.log(applyGpc({ STRICTLY_NECESSARY: true, FUNCTIONAL: true, ANALYTICS: true, MARKETING: true }, gpc));

const choice = validateCookieChoice({ STRICTLY_NECESSARY: false, FUNCTIONAL: true, ANALYTICS: false, ADS: true });
if (!choice.ok) for (const issue of choice.issues) console.log(issue.field, issue.code);

// 180 × 24 hours have elapsed:
console.log(isChoiceExpired(new Date('2025-04-01T00:00:00Z'), 180, new Date('2025-09-28T00:00:00Z')));

// Output:
// {
//   STRICTLY_NECESSARY: true,
//   FUNCTIONAL: false,
//   ANALYTICS: false,
//   MARKETING: false
// }
// {
//   STRICTLY_NECESSARY: true,
//   FUNCTIONAL: true,
//   ANALYTICS: false,
//   MARKETING: false
// }
// true false
// {
//   STRICTLY_NECESSARY: true,
//   FUNCTIONAL: true,
//   ANALYTICS: false,
//   MARKETING: false
// }
// STRICTLY_NECESSARY REQUIRED_CATEGORY_REFUSED
// MARKETING REQUIRED
// ADS UNKNOWN_CATEGORY
// true
