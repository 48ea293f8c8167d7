import { memberOf } from '../vocabulary/guard.js';
import type { Localized } from '../vocabulary/localized.js';

/**
 * What a provider asks for under policy clause 4. Disclosure and amendment are named by the
 * clause; cessation of use (利用停止) is the request that may follow them.
 */
export const REQUEST_KINDS = ['DISCLOSURE', 'AMENDMENT', 'CESSATION'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const isRequestKind = memberOf(REQUEST_KINDS);

export const REQUEST_KIND_LABELS: Readonly<Record<RequestKind, Localized>> = {
  DISCLOSURE: { en: 'Disclosure', ja: '開示' },
  AMENDMENT: { en: 'Amendment', ja: '訂正' },
  CESSATION: { en: 'Cessation of use', ja: '利用停止' },
};

/** COMPLETED and REJECTED are final; the others are open. */
export const REQUEST_STATUSES = ['RECEIVED', 'VERIFYING', 'IN_PROGRESS', 'COMPLETED', 'REJECTED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const isRequestStatus = memberOf(REQUEST_STATUSES);

export const CLOSED_REQUEST_STATUSES = ['COMPLETED', 'REJECTED'] as const satisfies readonly RequestStatus[];
export type ClosedRequestStatus = (typeof CLOSED_REQUEST_STATUSES)[number];
export const isClosedRequestStatus = memberOf(CLOSED_REQUEST_STATUSES);

export const REQUEST_STATUS_LABELS: Readonly<Record<RequestStatus, Localized>> = {
  RECEIVED: { en: 'Received', ja: '受付済み' },
  VERIFYING: { en: 'Verifying identity', ja: '本人確認中' },
  IN_PROGRESS: { en: 'In progress', ja: '対応中' },
  COMPLETED: { en: 'Completed', ja: '完了' },
  REJECTED: { en: 'Rejected', ja: '不受理' },
};

/** How the request reached the secretariat (clause 8 lists post, telephone, fax and e-mail). */
export const REQUEST_CHANNELS = ['WEB_FORM', 'POST', 'TELEPHONE', 'FAX', 'EMAIL', 'IN_PERSON'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const isRequestChannel = memberOf(REQUEST_CHANNELS);

export const REQUEST_CHANNEL_LABELS: Readonly<Record<RequestChannel, Localized>> = {
  WEB_FORM: { en: 'Web form', ja: 'ウェブフォーム' },
  POST: { en: 'Post', ja: '郵送' },
  TELEPHONE: { en: 'Telephone', ja: '電話' },
  FAX: { en: 'Fax', ja: 'FAX' },
  EMAIL: { en: 'E-mail', ja: '電子メール' },
  IN_PERSON: { en: 'In person', ja: '窓口' },
};

/** How the requester was confirmed to be the provider before anything is disclosed or changed. */
export const VERIFICATION_METHODS = [
  'ID_DOCUMENT',
  'KNOWN_EMAIL_CONFIRMATION',
  'MEMBERSHIP_RECORD',
  'IN_PERSON',
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];
export const isVerificationMethod = memberOf(VERIFICATION_METHODS);

export const VERIFICATION_METHOD_LABELS: Readonly<Record<VerificationMethod, Localized>> = {
  ID_DOCUMENT: { en: 'Identity document', ja: '本人確認書類' },
  KNOWN_EMAIL_CONFIRMATION: {
    en: 'Confirmation via the e-mail address on record',
    ja: '登録済みメールアドレスでの確認',
  },
  MEMBERSHIP_RECORD: { en: 'Match with the membership record', ja: '会員情報との照合' },
  IN_PERSON: { en: 'In person', ja: '対面での確認' },
};
