// Where each count of the home page leads: the list pages read these search parameters
// (FilterBar's useUrlFilters on exceptions and requests, the inquiries inbox's own).

/** Exceptions waiting for the member's approval (`permittedExceptions(awaitingMyApproval: true)`). */
export const APPROVALS_AWAITING_ME = '/exceptions?approval=MINE';
export const REQUESTS_OVERDUE = '/requests?urgency=OVERDUE';
export const REQUESTS_DUE_SOON = '/requests?urgency=DUE_SOON';
export const INQUIRIES_NEW = '/inquiries?status=NEW';
/** NEW or IN_PROGRESS (`inquiries(filter: { unanswered: true })`). */
export const INQUIRIES_UNANSWERED = '/inquiries?status=UNANSWERED';
export const inquiriesUnansweredFor = (userId: string) =>
  `/inquiries?status=UNANSWERED&assignee=${encodeURIComponent(userId)}`;
export const LEDGER_VERIFICATIONS = '/jobs';
export const requestPath = (id: string) => `/requests/${encodeURIComponent(id)}`;
/** The incident register (features/incidents) by its filters: `incidents(filter: { urgency | open })`. */
export const INCIDENTS_OVERDUE = '/incidents?urgency=OVERDUE';
export const INCIDENTS_DUE_SOON = '/incidents?urgency=DUE_SOON';
export const INCIDENTS_OPEN = '/incidents?open=true';
export const incidentPath = (id: string) => `/incidents/${encodeURIComponent(id)}`;

/** Whether nothing at all waits: every count the member may see is zero (incident reports included) and the ledger is not failing. */
export function nothingWaiting(queue: {
  approvals?: { awaitingMe: number } | null;
  requests?: { overdue: number; dueSoon: number } | null;
  inquiries?: { unanswered: number } | null;
  ledgerVerification?: { ok?: boolean | null } | null;
  incidents?: { overdue: number; dueSoon: number } | null;
}): boolean {
  return (
    (queue.approvals?.awaitingMe ?? 0) === 0 &&
    (queue.requests?.overdue ?? 0) === 0 &&
    (queue.requests?.dueSoon ?? 0) === 0 &&
    (queue.inquiries?.unanswered ?? 0) === 0 &&
    queue.ledgerVerification?.ok !== false &&
    (queue.incidents?.overdue ?? 0) === 0 &&
    (queue.incidents?.dueSoon ?? 0) === 0
  );
}
