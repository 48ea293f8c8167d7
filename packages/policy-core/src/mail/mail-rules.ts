import { approverIssues } from '../exceptions/exception-lifecycle.js';
import { requestUrgency, DUE_SOON_DAYS } from '../requests/request-rules.js';
import type { RequestStatus } from '../requests/request-vocabulary.js';
import { memberOf } from '../vocabulary/guard.js';
import { ROLE_CAN_WRITE, type AdminRole } from '../vocabulary/roles.js';

/**
 * What Steward e-mails staff about: an exception waiting for a second person's approval, a request
 * due soon or overdue, a new inquiry, an invitation to join the staff, an owner's password reset, an
 * incident's report to the Commission due soon or overdue; and the one mail to a provider: INCIDENT_NOTICE,
 * the notification of a person affected by an incident (APPI Art. 26(2), Rules Art. 10), sent to their
 * EMAIL item in their language.
 */
export const MAIL_KINDS = [
  'APPROVAL_WAITING',
  'REQUEST_DUE_SOON',
  'REQUEST_OVERDUE',
  'INQUIRY_RECEIVED',
  'STAFF_INVITATION',
  'PASSWORD_RESET',
  'INCIDENT_REPORT_DUE_SOON',
  'INCIDENT_REPORT_OVERDUE',
  'INCIDENT_NOTICE',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const isMailKind = memberOf(MAIL_KINDS);

/**
 * Where a mail is: QUEUED (waiting for its first or next attempt), SENT (the SMTP server accepted
 * it), FAILED (its last attempt failed) or NOT_SENT (no SMTP server is configured: kept to show what
 * would have been sent).
 */
export const MAIL_STATUSES = ['QUEUED', 'SENT', 'FAILED', 'NOT_SENT'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
export const isMailStatus = memberOf(MAIL_STATUSES);

/** Security mails: a member cannot turn them off (an invitation is its only way in; a reset must not go unnoticed). */
export const MANDATORY_MAIL_KINDS = ['STAFF_INVITATION', 'PASSWORD_RESET'] as const satisfies readonly MailKind[];

/** Mails to providers, not staff: no member's preference, no opt-out (the law asks for the notice). */
export const PROVIDER_MAIL_KINDS = ['INCIDENT_NOTICE'] as const satisfies readonly MailKind[];

/** Whether `kind` is mailed to a provider rather than to a member of staff. */
export function isProviderMail(kind: MailKind): boolean {
  return (PROVIDER_MAIL_KINDS as readonly MailKind[]).includes(kind);
}

/** The kinds a member of staff receives (and sees among their mail preferences). */
export const STAFF_MAIL_KINDS: readonly MailKind[] = MAIL_KINDS.filter((k) => !isProviderMail(k));

/** Whether a member may turn this kind of mail off (a provider's notice is no member's to turn off). */
export function mayOptOutOfMail(kind: MailKind): boolean {
  return !(MANDATORY_MAIL_KINDS as readonly MailKind[]).includes(kind) && !isProviderMail(kind);
}

/** Whether a member who turned off `optedOut` gets a mail of `kind` (a security mail always). */
export function wantsMail(kind: MailKind, optedOut: readonly MailKind[]): boolean {
  return !mayOptOutOfMail(kind) || !optedOut.includes(kind);
}

/** A member of staff as the mail rules see them. */
export type MailStaffMember = { id: string; role: AdminRole; active: boolean };

/** What decides who a notification concerns: the exception's author, the inquiry's assignee. */
export type MailAudienceFacts = { authorId?: string; assigneeId?: string | null };

/**
 * Who a notification concerns (before each member's opt-outs), in the order given:
 * - APPROVAL_WAITING: every active member who may approve the draft — an owner or privacy officer
 *   who is not its author (approverIssues, the four-eyes rule);
 * - REQUEST_DUE_SOON / REQUEST_OVERDUE: every active member who may work on requests (writers);
 * - INQUIRY_RECEIVED: its assignee when it has an active one, else every active writer;
 * - INCIDENT_REPORT_DUE_SOON / INCIDENT_REPORT_OVERDUE: every active owner and privacy officer (the
 *   roles that record the reports);
 * - STAFF_INVITATION / PASSWORD_RESET go to one named person, never to an audience: none;
 * - INCIDENT_NOTICE goes to providers, never to staff: none.
 */
export function mailAudience(
  kind: MailKind,
  staff: readonly MailStaffMember[],
  facts: MailAudienceFacts = {},
): string[] {
  const active = staff.filter((s) => s.active);
  const writers = active.filter((s) => ROLE_CAN_WRITE[s.role] === true);
  switch (kind) {
    case 'APPROVAL_WAITING':
      return active
        .filter((s) => approverIssues({ status: 'DRAFT', authorId: facts.authorId ?? '' }, s.id, s.role).length === 0)
        .map((s) => s.id);
    case 'REQUEST_DUE_SOON':
    case 'REQUEST_OVERDUE':
    case 'INCIDENT_REPORT_DUE_SOON':
    case 'INCIDENT_REPORT_OVERDUE':
      return writers.map((s) => s.id);
    case 'INQUIRY_RECEIVED': {
      const assignee = facts.assigneeId ? writers.find((s) => s.id === facts.assigneeId) : undefined;
      return assignee ? [assignee.id] : writers.map((s) => s.id);
    }
    default:
      return [];
  }
}

/** Days before its due date a request's reminder goes out, unless the organisation says otherwise. */
export const REQUEST_REMINDER_DAYS = DUE_SOON_DAYS;

/**
 * The reminder an open request calls for at `at`: REQUEST_OVERDUE after its due instant,
 * REQUEST_DUE_SOON within `soonDays` days of it, none otherwise (on track, or closed).
 */
export function requestReminderKind(
  request: { status: RequestStatus; dueAt: Date },
  at: Date,
  soonDays: number = REQUEST_REMINDER_DAYS,
): 'REQUEST_DUE_SOON' | 'REQUEST_OVERDUE' | null {
  const urgency = requestUrgency(request, at, soonDays);
  if (urgency === 'OVERDUE') return 'REQUEST_OVERDUE';
  if (urgency === 'DUE_SOON') return 'REQUEST_DUE_SOON';
  return null;
}
