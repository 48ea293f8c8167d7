import { callerCanWrite, type Caller } from '../abilities/caller.js';
import type { ExceptionStatus } from '../exceptions/exception-evidence.js';
import { EXCEPTION_APPROVER_ROLES } from '../exceptions/exception-lifecycle.js';
import type { InquiryStatus } from '../inquiries/inquiry-vocabulary.js';

/**
 * Inquiries that still wait for an answer: new ones and those being worked on. ANSWERED and CLOSED
 * do not (a follow-up moves an answered one back to IN_PROGRESS).
 */
export const UNANSWERED_INQUIRY_STATUSES = ['NEW', 'IN_PROGRESS'] as const satisfies readonly InquiryStatus[];

/** Whether an inquiry in `status` still waits for an answer. */
export function isUnansweredInquiry(status: InquiryStatus): boolean {
  return (UNANSWERED_INQUIRY_STATUSES as readonly string[]).includes(status);
}

/**
 * Which exceptions wait for the caller's approval, as a filter a query can apply: drafts (`status`)
 * not authored by the caller (`notAuthoredBy`: four eyes). Null when the caller may approve none (a
 * viewer, or a role that may not approve). The same rule as the `approve` ability
 * (`exceptionAbilities`), so a count and the list it links to agree with what the exception page offers.
 */
export function approvalQueueFilter(caller: Caller | null): { status: ExceptionStatus; notAuthoredBy: string } | null {
  if (!callerCanWrite(caller) || !(EXCEPTION_APPROVER_ROLES as readonly string[]).includes(caller.role)) return null;
  return { status: 'DRAFT', notAuthoredBy: caller.userId };
}

/**
 * The sections of the home page of work a caller may see. Requests are listed to every signed-in
 * member (a viewer reads them); approvals only to those who may give one; the inquiries inbox and the
 * ledger's verification runs only to those who may write (as their own pages). Incidents to every
 * signed-in member, as the register (a viewer reads it; only writers act on it).
 */
export type WorkQueueScope = {
  approvals: boolean;
  requests: boolean;
  inquiries: boolean;
  ledgerVerification: boolean;
  incidents: boolean;
};

export function workQueueScope(caller: Caller | null): WorkQueueScope {
  if (!caller)
    return { approvals: false, requests: false, inquiries: false, ledgerVerification: false, incidents: false };
  const writer = callerCanWrite(caller);
  return {
    approvals: approvalQueueFilter(caller) !== null,
    requests: true,
    inquiries: writer,
    ledgerVerification: writer,
    incidents: true,
  };
}
