import { requestUrgency, type WorkQueueScope } from '@steward/policy-core';
import type { DueRequestRow, VerificationRunRow, WorkCounts } from './work-queue.queries.js';
import type { WorkQueueLedgerVerificationType, WorkQueueRequestType, WorkQueueType } from './work-queue.type.js';

/** The facts the work queue read; the presenter keeps only the sections the caller may see. */
export interface WorkFacts {
  counts: WorkCounts;
  next: DueRequestRow[];
  verification: { last: VerificationRunRow | null; pending: boolean };
  dueSoonDays: number;
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
  };
}
