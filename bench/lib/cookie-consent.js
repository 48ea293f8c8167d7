// The banner's cookie-consent write, as the cookie and input-boundary benches send it.

export const RECORD_COOKIE_CONSENT = `mutation RecordCookieConsent($input: RecordCookieConsentInput!) {
  recordCookieConsent(input: $input) { receiptId action choices { category accepted } gpcApplied recordedAt expiresAt }
}`;

/** A visitor's choice on the site's policy version 1, no GPC: four categories, all but marketing accepted. */
export function cookieConsentInput(siteKey, visitorId, idempotencyKey) {
  return {
    siteKey,
    visitorId,
    idempotencyKey,
    policyVersion: 1,
    gpc: false,
    choices: [
      { category: 'STRICTLY_NECESSARY', accepted: true },
      { category: 'FUNCTIONAL', accepted: true },
      { category: 'ANALYTICS', accepted: true },
      { category: 'MARKETING', accepted: false },
    ],
  };
}
