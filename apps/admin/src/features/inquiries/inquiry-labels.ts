import { INQUIRY_CHANNELS, INQUIRY_STATUSES } from '@steward/policy-core';
import type { InquiryChannel, InquiryStatus } from '@steward/schema';
import { optionsOf, vocabularyLabels } from '../../components/labels.js';

// Labels in the language on screen, from policy-core's catalogue (components/labels.ts): an inquiry's
// channels are labelled as a request's. The options' labels are getters, so they follow a switch.

const STATUS_LABEL: Readonly<Record<InquiryStatus, string>> = vocabularyLabels('inquiryStatus');
const CHANNEL_LABEL: Readonly<Record<InquiryChannel, string>> = vocabularyLabels('requestChannel');

export const STATUS_OPTIONS = optionsOf(INQUIRY_STATUSES, STATUS_LABEL);
export const STAFF_CHANNEL_OPTIONS = optionsOf(
  INQUIRY_CHANNELS.filter((c) => c !== 'WEB_FORM'),
  CHANNEL_LABEL,
);

export function statusLabel(s: InquiryStatus): string {
  return STATUS_LABEL[s];
}

export function channelLabel(c: InquiryChannel): string {
  return CHANNEL_LABEL[c];
}

export const STATUS_COLOR: Record<InquiryStatus, string> = {
  NEW: 'blue',
  IN_PROGRESS: 'yellow',
  ANSWERED: 'teal',
  CLOSED: 'gray',
};
