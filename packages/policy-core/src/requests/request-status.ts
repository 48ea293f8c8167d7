import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import {
  isClosedRequestStatus,
  isRequestStatus,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
} from './request-vocabulary.js';

export type StatusChangeFacts = {
  identityVerified: boolean;
  /** Required (non-blank) when moving to REJECTED. */
  rejectionReason?: string | null;
};

/** The only forward steps; any open status may also go to REJECTED. */
const NEXT: Readonly<Partial<Record<RequestStatus, RequestStatus>>> = {
  RECEIVED: 'VERIFYING',
  VERIFYING: 'IN_PROGRESS',
  IN_PROGRESS: 'COMPLETED',
};

/** The statuses `from` may move to (before the facts are checked). */
export function allowedNextStatuses(from: RequestStatus): RequestStatus[] {
  if (isClosedRequestStatus(from)) return [];
  const next = NEXT[from];
  return next === undefined ? ['REJECTED'] : [next, 'REJECTED'];
}

/**
 * Whether a provider request may move from `from` to `to`:
 * RECEIVED → VERIFYING → IN_PROGRESS → COMPLETED, and any open status → REJECTED with a reason.
 * IN_PROGRESS needs the identity verified, so nothing is disclosed or changed for an impostor.
 * Issues, all at once, in this order: `status` (INVALID_VALUE, NO_CHANGE or INVALID_TRANSITION),
 * `identityVerified` (IDENTITY_NOT_VERIFIED), `rejectionReason` (REQUIRED).
 */
export function validateStatusChange(from: RequestStatus, to: RequestStatus, facts: StatusChangeFacts): Validation {
  const issues: Issue[] = [];
  if (!isRequestStatus(from) || !isRequestStatus(to)) {
    return toValidation([issue('status', 'INVALID_VALUE', 'Unknown request status.')]);
  }
  const fromLabel = REQUEST_STATUS_LABELS[from].en.toLowerCase();
  if (from === to) {
    issues.push(issue('status', 'NO_CHANGE', `The request is already ${fromLabel}.`));
  } else if (isClosedRequestStatus(from)) {
    issues.push(
      issue('status', 'INVALID_TRANSITION', `The request is ${fromLabel}; a closed request cannot change status.`),
    );
  } else if (!allowedNextStatuses(from).includes(to)) {
    const next = NEXT[from];
    issues.push(
      issue(
        'status',
        'INVALID_TRANSITION',
        `A ${fromLabel} request can only move to ${next ?? ''}${next ? ' or ' : ''}REJECTED, not ${to}.`,
      ),
    );
  }
  if (to === 'IN_PROGRESS' && !facts.identityVerified) {
    issues.push(
      issue(
        'identityVerified',
        'IDENTITY_NOT_VERIFIED',
        "Verify the requester's identity before working on the request.",
      ),
    );
  }
  if (to === 'REJECTED' && from !== to && (facts.rejectionReason ?? '').trim() === '') {
    issues.push(issue('rejectionReason', 'REQUIRED', 'Give the reason for rejecting the request.'));
  }
  return toValidation(issues);
}
