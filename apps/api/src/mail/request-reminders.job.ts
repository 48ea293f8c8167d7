import { isClosedRequestStatus, REQUEST_REMINDER_DAYS, requestReminderKind } from '@steward/policy-core';
import { DAILY, type JobKindDefinition, type JobSchedule } from '../jobs/job-runner.js';
import { inTransaction } from '../common/transaction.js';
import { ProviderRequest } from '../requests/provider-request.entity.js';
import { MailService } from './mail.service.js';

/**
 * Once a day: every open request due within REQUEST_REMINDER_DAYS, or overdue, is mailed to the
 * staff who work on requests — once per request and state (the mail's dedupe key), not every day.
 */
export const requestRemindersJob: JobKindDefinition = {
  kind: 'REQUEST_DUE_REMINDERS',
  maxAttempts: 3,
  backoffSeconds: 300,
  async run({ em, deps }) {
    const now = deps.now();
    const horizon = new Date(now.getTime() + REQUEST_REMINDER_DAYS * 86_400_000);
    const open = await em.find(
      ProviderRequest,
      { status: { $nin: ['COMPLETED', 'REJECTED'] }, dueAt: { $lte: horizon } },
      { orderBy: { dueAt: 'asc' } },
    );
    let mails = 0;
    let requests = 0;
    for (const request of open) {
      if (isClosedRequestStatus(request.status)) continue;
      const kind = requestReminderKind(request, now, REQUEST_REMINDER_DAYS);
      if (!kind) continue;
      requests++;
      const days = Math.max(0, Math.ceil((request.dueAt.getTime() - now.getTime()) / 86_400_000));
      mails += await inTransaction(em, (tx) =>
        new MailService(tx, null, deps).notifyStaff(
          kind,
          {},
          {
            requestId: request.id,
            reference: request.reference,
            requestKind: request.kind,
            dueOn: request.dueAt.toISOString(),
            days,
          },
          request.id,
        ),
      );
    }
    return { requests, mails };
  },
};

/** The reminders run once per UTC day, on whichever instance enqueues them first. */
export const requestRemindersSchedule: JobSchedule = { kind: 'REQUEST_DUE_REMINDERS', periodOf: DAILY };
