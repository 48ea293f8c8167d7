import { memberOf } from '../vocabulary/guard.js';
import { labelsOf, type Localized } from '../messages/catalogue.js';

/** How an inquiry reached the secretariat: clause 8 names post, telephone, fax and e-mail; plus the web form. */
export const INQUIRY_CHANNELS = ['WEB_FORM', 'POST', 'TELEPHONE', 'FAX', 'EMAIL'] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];
export const isInquiryChannel = memberOf(INQUIRY_CHANNELS);

export const INQUIRY_CHANNEL_LABELS: Readonly<Record<InquiryChannel, Localized>> = /* @__PURE__ */ labelsOf(
  'requestChannel',
  INQUIRY_CHANNELS,
);

/** NEW → IN_PROGRESS → ANSWERED → CLOSED; see inquiry-status.ts for every allowed step. */
export const INQUIRY_STATUSES = ['NEW', 'IN_PROGRESS', 'ANSWERED', 'CLOSED'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
export const isInquiryStatus = memberOf(INQUIRY_STATUSES);

export const INQUIRY_STATUS_LABELS: Readonly<Record<InquiryStatus, Localized>> = /* @__PURE__ */ labelsOf(
  'inquiryStatus',
  INQUIRY_STATUSES,
);

/** A staff entry on an inquiry: an internal note, or an answer given to the inquirer through a channel. */
export const INQUIRY_REPLY_KINDS = ['NOTE', 'ANSWER'] as const;
export type InquiryReplyKind = (typeof INQUIRY_REPLY_KINDS)[number];
export const isInquiryReplyKind = memberOf(INQUIRY_REPLY_KINDS);

/** Length limits (code points) of an inquiry's parts, shared by the public form and the API. */
export const INQUIRY_LIMITS = {
  name: 120,
  email: 254,
  postalAddress: 500,
  telephone: 32,
  subject: 200,
  message: 5000,
  reply: 5000,
} as const;
