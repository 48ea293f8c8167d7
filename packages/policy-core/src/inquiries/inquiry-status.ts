import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import {
  INQUIRY_STATUS_LABELS,
  isInquiryStatus,
  type InquiryReplyKind,
  type InquiryStatus,
} from './inquiry-vocabulary.js';

const NEXT: Readonly<Record<InquiryStatus, readonly InquiryStatus[]>> = {
  NEW: ['IN_PROGRESS', 'CLOSED'],
  IN_PROGRESS: ['ANSWERED', 'CLOSED'],
  // A follow-up question reopens the work.
  ANSWERED: ['IN_PROGRESS', 'CLOSED'],
  // A closed inquiry may be reopened, never silently rewritten.
  CLOSED: ['IN_PROGRESS'],
};

/** The statuses an inquiry in `from` may move to (before the facts are checked). */
export function allowedInquiryStatuses(from: InquiryStatus): InquiryStatus[] {
  return isInquiryStatus(from) ? [...NEXT[from]] : [];
}

export type InquiryStatusFacts = {
  /** Answers (not notes) recorded on the inquiry. */
  answers: number;
};

/**
 * Whether an inquiry may move from `from` to `to`: NEW → IN_PROGRESS | CLOSED, IN_PROGRESS →
 * ANSWERED | CLOSED, ANSWERED → IN_PROGRESS | CLOSED, CLOSED → IN_PROGRESS (reopen).
 * ANSWERED needs at least one answer recorded, so the status never claims a reply nobody gave.
 * Issues, all at once: `status` (INVALID_VALUE, NO_CHANGE or INVALID_TRANSITION), then `answers` (REQUIRED).
 */
export function validateInquiryStatusChange(
  from: InquiryStatus,
  to: InquiryStatus,
  facts: InquiryStatusFacts,
): Validation {
  if (!isInquiryStatus(from) || !isInquiryStatus(to))
    return toValidation([issue('status', 'INVALID_VALUE', 'Unknown inquiry status.')]);
  const issues: Issue[] = [];
  const label = INQUIRY_STATUS_LABELS[from].en.toLowerCase();
  if (from === to) issues.push(issue('status', 'NO_CHANGE', `The inquiry is already ${label}.`));
  else if (!NEXT[from].includes(to)) {
    issues.push(
      issue('status', 'INVALID_TRANSITION', `A ${label} inquiry can move to ${NEXT[from].join(' or ')}, not ${to}.`),
    );
  }
  if (to === 'ANSWERED' && from !== to && facts.answers < 1) {
    issues.push(issue('answers', 'REQUIRED', 'Record the answer given before marking the inquiry answered.'));
  }
  return toValidation(issues);
}

/**
 * The status an inquiry takes when a reply is recorded: an answer sent to the person makes a new or
 * in-progress inquiry ANSWERED (the answer is the fact ANSWERED needs); an internal note changes
 * nothing, and neither does an answer recorded on an inquiry already answered or closed (recording
 * a late answer does not reopen it).
 */
export function inquiryStatusAfterReply(from: InquiryStatus, kind: InquiryReplyKind): InquiryStatus {
  if (kind === 'ANSWER' && (from === 'NEW' || from === 'IN_PROGRESS')) return 'ANSWERED';
  return from;
}
