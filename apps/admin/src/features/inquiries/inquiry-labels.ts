import {
  INQUIRY_CHANNEL_LABELS,
  INQUIRY_CHANNELS,
  INQUIRY_STATUS_LABELS,
  INQUIRY_STATUSES,
} from '@steward/policy-core';
import type { InquiryChannel, InquiryStatus } from '@steward/schema';

export const STATUS_OPTIONS = INQUIRY_STATUSES.map((s) => ({ value: s, label: INQUIRY_STATUS_LABELS[s].en }));
export const STAFF_CHANNEL_OPTIONS = INQUIRY_CHANNELS.filter((c) => c !== 'WEB_FORM').map((c) => ({
  value: c,
  label: INQUIRY_CHANNEL_LABELS[c].en,
}));

export function statusLabel(s: InquiryStatus): string {
  return INQUIRY_STATUS_LABELS[s].en;
}

export function channelLabel(c: InquiryChannel): string {
  return INQUIRY_CHANNEL_LABELS[c].en;
}

export const STATUS_COLOR: Record<InquiryStatus, string> = {
  NEW: 'blue',
  IN_PROGRESS: 'yellow',
  ANSWERED: 'teal',
  CLOSED: 'gray',
};
