import { memberOf } from '../vocabulary/guard.js';
import { labelsOf, type Localized } from '../messages/catalogue.js';

/**
 * What a provider asks for under policy clause 4. Disclosure and amendment are named by the
 * clause; cessation of use (利用停止) is the request that may follow them.
 */
export const REQUEST_KINDS = ['DISCLOSURE', 'AMENDMENT', 'CESSATION'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const isRequestKind = memberOf(REQUEST_KINDS);

export const REQUEST_KIND_LABELS: Readonly<Record<RequestKind, Localized>> = /* @__PURE__ */ labelsOf(
  'requestKind',
  REQUEST_KINDS,
);

/** COMPLETED and REJECTED are final; the others are open. */
export const REQUEST_STATUSES = ['RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'COMPLETED', 'REJECTED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const isRequestStatus = memberOf(REQUEST_STATUSES);

export const CLOSED_REQUEST_STATUSES = ['COMPLETED', 'REJECTED'] as const satisfies readonly RequestStatus[];
export type ClosedRequestStatus = (typeof CLOSED_REQUEST_STATUSES)[number];
export const isClosedRequestStatus = memberOf(CLOSED_REQUEST_STATUSES);

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, Localized>> = /* @__PURE__ */ labelsOf(
  'requestStatus',
  REQUEST_STATUSES,
);

/** How the request reached the secretariat (clause 8 lists post, telephone, fax and e-mail). */
export const REQUEST_CHANNELS = ['WEB_FORM', 'POST', 'TELEPHONE', 'FAX', 'EMAIL', 'IN_PERSON'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const isRequestChannel = memberOf(REQUEST_CHANNELS);

export const REQUEST_CHANNEL_LABELS: Readonly<Record<RequestChannel, Localized>> = /* @__PURE__ */ labelsOf(
  'requestChannel',
  REQUEST_CHANNELS,
);

/** How the requester was confirmed to be the provider before anything is disclosed or changed. */
export const VERIFICATION_METHODS = [
  'ID_DOCUMENT',
  'KNOWN_EMAIL_CONFIRMATION',
  'MEMBERSHIP_RECORD',
  'IN_PERSON',
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];
export const isVerificationMethod = memberOf(VERIFICATION_METHODS);

export const VERIFICATION_METHOD_LABELS: Readonly<Record<VerificationMethod, Localized>> = /* @__PURE__ */ labelsOf(
  'verificationMethod',
  VERIFICATION_METHODS,
);
