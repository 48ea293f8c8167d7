import {
  REQUEST_CHANNEL_LABELS,
  REQUEST_KIND_LABELS,
  REQUEST_STATUS_LABELS,
  VERIFICATION_METHOD_LABELS,
} from '@steward/policy-core';
import type { RequestChannel, RequestKind, RequestStatus, RequestUrgency, VerificationMethod } from '@steward/schema';
import type { TFunction } from 'i18next';

// English labels from policy-core's vocabulary; the values come from the generated schema types.

export const REQUEST_KIND_LABEL: Record<RequestKind, string> = {
  DISCLOSURE: REQUEST_KIND_LABELS.DISCLOSURE.en,
  AMENDMENT: REQUEST_KIND_LABELS.AMENDMENT.en,
  CESSATION: REQUEST_KIND_LABELS.CESSATION.en,
};

export const REQUEST_STATUS_LABEL: Record<RequestStatus, string> = {
  RECEIVED: REQUEST_STATUS_LABELS.RECEIVED.en,
  VERIFYING: REQUEST_STATUS_LABELS.VERIFYING.en,
  IN_PROGRESS: REQUEST_STATUS_LABELS.IN_PROGRESS.en,
  COMPLETED: REQUEST_STATUS_LABELS.COMPLETED.en,
  REJECTED: REQUEST_STATUS_LABELS.REJECTED.en,
};

export const REQUEST_STATUS_COLOR: Record<RequestStatus, string> = {
  RECEIVED: 'blue',
  VERIFYING: 'violet',
  IN_PROGRESS: 'cyan',
  COMPLETED: 'green',
  REJECTED: 'gray',
};

export const REQUEST_CHANNEL_LABEL: Record<RequestChannel, string> = {
  WEB_FORM: REQUEST_CHANNEL_LABELS.WEB_FORM.en,
  POST: REQUEST_CHANNEL_LABELS.POST.en,
  TELEPHONE: REQUEST_CHANNEL_LABELS.TELEPHONE.en,
  FAX: REQUEST_CHANNEL_LABELS.FAX.en,
  EMAIL: REQUEST_CHANNEL_LABELS.EMAIL.en,
  IN_PERSON: REQUEST_CHANNEL_LABELS.IN_PERSON.en,
};

export const VERIFICATION_METHOD_LABEL: Record<VerificationMethod, string> = {
  ID_DOCUMENT: VERIFICATION_METHOD_LABELS.ID_DOCUMENT.en,
  KNOWN_EMAIL_CONFIRMATION: VERIFICATION_METHOD_LABELS.KNOWN_EMAIL_CONFIRMATION.en,
  MEMBERSHIP_RECORD: VERIFICATION_METHOD_LABELS.MEMBERSHIP_RECORD.en,
  IN_PERSON: VERIFICATION_METHOD_LABELS.IN_PERSON.en,
};

export const URGENCY_LABEL: Record<RequestUrgency, string> = {
  OVERDUE: 'Overdue',
  DUE_SOON: 'Due soon',
  ON_TRACK: 'On track',
  CLOSED: 'Closed',
};

export const URGENCY_COLOR: Record<RequestUrgency, string> = {
  OVERDUE: '#e03131',
  DUE_SOON: '#f08c00',
  ON_TRACK: '#1c7ed6',
  CLOSED: '#adb5bd',
};

/** "3 days left", "due now", "2 days overdue" (`t` of any namespace: the keys name `requests`). */
export function daysRemainingLabel(t: TFunction, days: number, closed: boolean): string {
  if (closed) return '—';
  if (days === 0) return t('requests:urgency.dueNow');
  if (days > 0) return t('requests:urgency.daysLeft', { count: days });
  return t('requests:urgency.daysOverdue', { count: -days });
}
