import { DUE_SOON_DAYS, approvalQueueFilter, workQueueScope } from '@steward/policy-core';
import { Service } from '../common/transaction.js';
import type { Actor } from '../context.js';
import { IncidentService } from '../incidents/incident.service.js';
import { presentWorkQueue } from './work-queue.presenter.js';
import { ledgerVerificationRuns, nextDueRequests, workCounts } from './work-queue.queries.js';
import type { WorkQueueType } from './work-queue.type.js';

/** How many of the requests due first the home page lists by reference. */
export const NEXT_REQUESTS = 5;

/**
 * The home page of work (what waits for the caller): counts in one statement, the requests due
 * first, the last ledger verification and the incidents whose reports are due; which sections the caller sees is policy-core's
 * (workQueueScope), which exceptions wait for their approval too (approvalQueueFilter). Reads
 * only counts, references and job results: no personal value, so nothing to audit.
 */
export class WorkQueueService extends Service<Actor> {
  async get(): Promise<WorkQueueType> {
    const caller = { userId: this.actor.userId, role: this.actor.role };
    const scope = workQueueScope(caller);
    const now = this.deps.now();
    const approvals = approvalQueueFilter(caller);
    const counts = await workCounts(this.em, {
      userId: caller.userId,
      // A caller who may approve nothing counts no status at all: the section is not shown anyway.
      draftStatus: approvals?.status ?? 'DRAFT',
      now,
      soon: new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000),
    });
    const next = scope.requests ? await nextDueRequests(this.em, NEXT_REQUESTS) : [];
    const verification = scope.ledgerVerification
      ? await ledgerVerificationRuns(this.em)
      : { last: null, pending: false };
    // Open incidents are few; which deadline is urgent is policy-core's, read through the register's seam
    // (entities: a fork of the lean EntityManager this service is given).
    const incidents = scope.incidents
      ? await new IncidentService(this.em.fork(), this.actor, this.deps).incidentsNeedingAttention(now)
      : null;
    return presentWorkQueue({ counts, next, verification, dueSoonDays: DUE_SOON_DAYS, incidents }, scope, now);
  }
}
