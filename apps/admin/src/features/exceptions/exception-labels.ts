import { EFFECTIVE_EXCEPTION_STATUSES, RECIPIENT_KINDS as KINDS } from '@steward/policy-core';
import type { ExceptionKind, ExceptionStatus, MeetingKind, RecipientKind } from '@steward/schema';
import { vocabularyLabels } from '../../components/labels.js';

// Labels in the language on screen, from policy-core's catalogue (components/labels.ts).

export const EXCEPTION_KIND_LABEL: Readonly<Record<ExceptionKind, string>> = vocabularyLabels('exceptionKind');

export const EXCEPTION_STATUS_LABEL: Readonly<Record<ExceptionStatus, string>> = vocabularyLabels('exceptionStatus');

export const EXCEPTION_STATUS_COLOR: Record<ExceptionStatus, string> = {
  DRAFT: 'gray',
  ACTIVE: 'teal',
  NOT_YET_VALID: 'yellow',
  REVOKED: 'red',
  EXPIRED: 'orange',
};

export const EXCEPTION_STATUSES: readonly ExceptionStatus[] = EFFECTIVE_EXCEPTION_STATUSES;

export const MEETING_KIND_LABEL: Readonly<Record<MeetingKind, string>> = vocabularyLabels('meetingKind');

export const RECIPIENT_KIND_LABEL: Readonly<Record<RecipientKind, string>> = vocabularyLabels('recipientKind');
export const RECIPIENT_KINDS: readonly RecipientKind[] = KINDS;
