import { requestUrgency, type WorkQueueScope } from '@steward/policy-core';
import type { IncidentSummaryRow } from '../incidents/incident.presenter.js';
import type { DueRequestRow, VerificationRunRow, WorkCounts } from './work-queue.queries.js';
import type {
  WorkQueueIncidentType,
  WorkQueueLedgerVerificationType,
  WorkQueueRequestType,
  WorkQueueType,
} from './work-queue.type.js';

/** The facts the work queue read; the presenter keeps only the sections the caller may see. */
export interface WorkFacts {
  counts: WorkCounts;
  next: DueRequestRow[];
  verification: { last: VerificationRunRow | null; pending: boolean };
  dueSoonDays: number;
  /** The incidents needing attention (IncidentService.incidentsNeedingAttention); null when not read. */
  incidents: { overdue: number; dueSoon: number; next: IncidentSummaryRow[] } | null;
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function presentVerification(v: WorkFacts['verification']): WorkQueueLedgerVerificationType {
  const result = v.last?.result ?? null;
  return {
    lastJobId: v.last?.id ?? null,
    lastStatus: v.last?.status ?? null,
    ok: v.last ? v.last.status === 'SUCCEEDED' && result?.ok !== false : null,
    checkedEntries: numberOrNull(result?.checkedEntries),
    firstFailureSequence: numberOrNull(result?.firstFailureSequence),
    finishedAt: v.last?.finishedAt ?? null,
    pending: v.pending,
  };
}

/** An urgent incident by the deadline that makes it so (the preliminary report's first when both are). */
function presentIncident(r: IncidentSummaryRow): WorkQueueIncidentType {
  const deadline = r.preliminary.state === r.urgency ? r.preliminary : r.final;
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    urgency: r.urgency,
    report: deadline.kind,
    dueOn: deadline.dueOn,
  };
}

/** The home page of work for a caller of `scope`, at `now`. */
export function presentWorkQueue(facts: WorkFacts, scope: WorkQueueScope, now: Date): WorkQueueType {
  const c = facts.counts;
  const next: WorkQueueRequestType[] = facts.next.map((r) => ({ ...r, urgency: requestUrgency(r, now) }));
  return {
    asOf: now,
    approvals: scope.approvals
      ? { awaitingMe: c.approvalsAwaitingMe, mineAwaitingOthers: c.myDraftsAwaitingOthers }
      : null,
    requests: scope.requests
      ? {
          overdue: c.requestsOverdue,
          dueSoon: c.requestsDueSoon,
          open: c.requestsOpen,
          dueSoonDays: facts.dueSoonDays,
          next,
        }
      : null,
    inquiries: scope.inquiries
      ? { new: c.inquiriesNew, unanswered: c.inquiriesUnanswered, assignedToMe: c.inquiriesUnansweredMine }
      : null,
    ledgerVerification: scope.ledgerVerification ? presentVerification(facts.verification) : null,
    incidents:
      scope.incidents && facts.incidents
        ? {
            overdue: facts.incidents.overdue,
            dueSoon: facts.incidents.dueSoon,
            open: c.incidentsOpen,
            next: facts.incidents.next.map(presentIncident),
          }
        : null,
  };
}
