import type { RequestChannel, RequestKind, RequestStatus, RequestUrgency, VerificationMethod } from '@steward/schema';
import type { TFunction } from 'i18next';
import { vocabularyLabels } from '../../components/labels.js';

// Labels in the language on screen, from policy-core's catalogue (components/labels.ts); the
// annotations name the generated schema types.

export const REQUEST_KIND_LABEL: Readonly<Record<RequestKind, string>> = vocabularyLabels('requestKind');

export const REQUEST_STATUS_LABEL: Readonly<Record<RequestStatus, string>> = vocabularyLabels('requestStatus');

export const REQUEST_STATUS_COLOR: Record<RequestStatus, string> = {
  RECEIVED: 'blue',
  VERIFYING: 'violet',
  IN_PROGRESS: 'cyan',
  COMPLETED: 'green',
  REJECTED: 'gray',
};

export const REQUEST_CHANNEL_LABEL: Readonly<Record<RequestChannel, string>> = vocabularyLabels('requestChannel');

export const VERIFICATION_METHOD_LABEL: Readonly<Record<VerificationMethod, string>> =
  vocabularyLabels('verificationMethod');

export const URGENCY_LABEL: Readonly<Record<RequestUrgency, string>> = vocabularyLabels('requestUrgency');

/** Theme colours (not hex), so badges get the theme's contrast-checked light and filled shades. */
export const URGENCY_COLOR: Record<RequestUrgency, string> = {
  OVERDUE: 'red',
  DUE_SOON: 'orange',
  ON_TRACK: 'blue',
  CLOSED: 'gray',
};

/** "3 days left", "due now", "2 days overdue" (`t` of any namespace: the keys name `requests`). */
export function daysRemainingLabel(t: TFunction, days: number, closed: boolean): string {
  if (closed) return '—';
  if (days === 0) return t('requests:urgency.dueNow');
  if (days > 0) return t('requests:urgency.daysLeft', { count: days });
  return t('requests:urgency.daysOverdue', { count: -days });
}
