import type { EntityManager } from '@mikro-orm/core';
import {
  CLOSED_REQUEST_STATUSES,
  UNANSWERED_INQUIRY_STATUSES,
  type JobStatus,
  type RequestKind,
  type RequestStatus,
} from '@steward/policy-core';
import { dialectOf, fromDbDate, fromDbJson } from '../common/sql/dialect.js';
import { leanRows } from '../common/sql/lean-sql.js';

// The home page of work's statements: counts, never rows scanned one by one. Each count is a scalar
// subquery over an index — provider_request (status, due_at), inquiry (status, id) and
// (assignee, id), incident (status, aware_at); permitted_exception is small (a society's handful of exceptions).

/** The counts of the home page of work, every one computed (the service drops what the caller may not see). */
export interface WorkCounts {
  approvalsAwaitingMe: number;
  myDraftsAwaitingOthers: number;
  requestsOpen: number;
  requestsOverdue: number;
  requestsDueSoon: number;
  inquiriesNew: number;
  inquiriesUnanswered: number;
  inquiriesUnansweredMine: number;
  incidentsOpen: number;
}

/**
 * One statement for every count. `soon` is the end of the due-soon window (policy-core's
 * DUE_SOON_DAYS from now); overdue is due before now, as the requests list's urgency filter.
 */
export async function workCounts(
  em: EntityManager,
  input: { userId: string; draftStatus: string; now: Date; soon: Date },
): Promise<WorkCounts> {
  const d = dialectOf(em);
  const open = 'status not in (:closed)';
  const [row] = await leanRows(em, {
    sql:
      'select' +
      ' (select count(*) from permitted_exception where status = :draft and authored_by_id <> :me) as approvals_awaiting_me,' +
      ' (select count(*) from permitted_exception where status = :draft and authored_by_id = :me) as my_drafts,' +
      ` (select count(*) from provider_request where ${open}) as requests_open,` +
      ` (select count(*) from provider_request where ${open} and due_at < :now) as requests_overdue,` +
      ` (select count(*) from provider_request where ${open} and due_at >= :now and due_at <= :soon) as requests_due_soon,` +
      " (select count(*) from inquiry where status = 'NEW') as inquiries_new," +
      ' (select count(*) from inquiry where status in (:unanswered)) as inquiries_unanswered,' +
      ' (select count(*) from inquiry where status in (:unanswered) and assignee_id = :me) as inquiries_mine,' +
      // incident (status, aware_at) index; the register is small.
      " (select count(*) from incident where status <> 'CLOSED') as incidents_open",
    params: {
      me: input.userId,
      draft: input.draftStatus,
      closed: [...CLOSED_REQUEST_STATUSES],
      unanswered: [...UNANSWERED_INQUIRY_STATUSES],
      now: d.toDbDate(input.now),
      soon: d.toDbDate(input.soon),
    },
  });
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    approvalsAwaitingMe: n('approvals_awaiting_me'),
    myDraftsAwaitingOthers: n('my_drafts'),
    requestsOpen: n('requests_open'),
    requestsOverdue: n('requests_overdue'),
    requestsDueSoon: n('requests_due_soon'),
    inquiriesNew: n('inquiries_new'),
    inquiriesUnanswered: n('inquiries_unanswered'),
    inquiriesUnansweredMine: n('inquiries_mine'),
    incidentsOpen: n('incidents_open'),
  };
}

export interface DueRequestRow {
  id: string;
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  dueAt: Date;
}

/**
 * The open requests due first, `limit` of them: by due date, so the overdue ones come first
 * (through the (status, due_at) index). No requester details: the home page names requests by reference.
 */
export async function nextDueRequests(em: EntityManager, limit: number): Promise<DueRequestRow[]> {
  const rows = await leanRows(em, {
    sql:
      'select id, reference, kind, status, due_at from provider_request where status not in (:closed)' +
      ' order by due_at, id limit :limit',
    params: { closed: [...CLOSED_REQUEST_STATUSES], limit },
  });
  return rows.map((r) => ({
    id: String(r.id),
    reference: String(r.reference),
    kind: r.kind as RequestKind,
    status: r.status as RequestStatus,
    dueAt: fromDbDate(r.due_at),
  }));
}

export interface VerificationRunRow {
  id: string;
  status: JobStatus;
  finishedAt: Date | null;
  result: Record<string, unknown> | null;
}

/**
 * The newest ledger verification that ended (succeeded or failed for good), and whether one is
 * queued or running now. The job table holds one verification a day and the few started by hand.
 */
export async function ledgerVerificationRuns(
  em: EntityManager,
): Promise<{ last: VerificationRunRow | null; pending: boolean }> {
  const rows = await leanRows(em, {
    sql:
      "select id, status, finished_at, result from job where kind = 'LEDGER_VERIFICATION'" +
      " and status in ('SUCCEEDED', 'FAILED') and finished_at is not null" +
      ' order by finished_at desc, id desc limit 1',
    params: {},
  });
  const [pending] = await leanRows(em, {
    sql: "select count(*) as n from job where kind = 'LEDGER_VERIFICATION' and status in ('QUEUED', 'RUNNING')",
    params: {},
  });
  const r = rows[0];
  return {
    last: r
      ? {
          id: String(r.id),
          status: r.status as JobStatus,
          finishedAt: r.finished_at === null ? null : fromDbDate(r.finished_at),
          result: r.result === null ? null : fromDbJson<Record<string, unknown>>(r.result),
        }
      : null,
    pending: Number(pending?.n ?? 0) > 0,
  };
}
