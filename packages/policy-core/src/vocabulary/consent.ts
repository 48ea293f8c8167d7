import { memberOf } from './guard.js';
import { labelsOf, type Localized } from '../messages/catalogue.js';

/**
 * REFUSE and WITHDRAW both end without consent but record different facts: REFUSE answers a
 * request that was never granted ("asked and declined"); WITHDRAW takes back an earlier grant,
 * which matters for what was lawfully done before it and for who may be asked again.
 */
export const CONSENT_ACTIONS = ['GRANT', 'REFUSE', 'WITHDRAW'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];
export const isConsentAction = memberOf(CONSENT_ACTIONS);

/** NOT_ASKED is derived (no event yet); it is never the result of an action. */
export const CONSENT_STATES = ['GRANTED', 'REFUSED', 'WITHDRAWN', 'NOT_ASKED'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const isConsentState = memberOf(CONSENT_STATES);

export const CONSENT_METHODS = ['WEB_CHECKBOX', 'SIGNED_FORM', 'EMAIL_REPLY', 'VERBAL'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const isConsentMethod = memberOf(CONSENT_METHODS);

export const CONSENT_ACTION_LABELS: Readonly<Record<ConsentAction, Localized>> = /* @__PURE__ */ labelsOf(
  'consentAction',
  CONSENT_ACTIONS,
);

export const CONSENT_STATE_LABELS: Readonly<Record<ConsentState, Localized>> = /* @__PURE__ */ labelsOf(
  'consentState',
  CONSENT_STATES,
);

export const CONSENT_METHOD_LABELS: Readonly<Record<ConsentMethod, Localized>> = /* @__PURE__ */ labelsOf(
  'consentMethod',
  CONSENT_METHODS,
);
