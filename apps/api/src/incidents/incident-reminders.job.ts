import { incidentReminderDedupe, incidentReminderKind } from '@steward/policy-core';
import { inTransaction } from '../common/transaction.js';
import { DAILY, type JobKindDefinition, type JobSchedule } from '../jobs/job-runner.js';
import { MailService } from '../mail/mail.service.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { Incident } from './incident.entity.js';
import { incidentStanding } from './incident-facts.js';

/**
 * Once a day: each open incident whose preliminary (速報) or final (確報) report to the Commission is
 * due soon or overdue (policy-core's incidentDeadlineStatus, in the organisation's zone) is mailed to
 * the owners and privacy officers — once per incident, deadline, state and member (the mail's dedupe
 * key), each member's opt-outs applying as for the other staff mails.
 */
export const incidentRemindersJob: JobKindDefinition = {
  kind: 'INCIDENT_REPORT_REMINDERS',
  maxAttempts: 3,
  backoffSeconds: 300,
  async run({ em, deps }) {
    const now = deps.now();
    const { timeZone } = await loadOrganisation(em);
    // Open incidents are few (a register, not a queue): read whole, decided by policy-core.
    const open = await em.find(Incident, { status: { $ne: 'CLOSED' } }, { orderBy: { awareAt: 'asc', id: 'asc' } });
    let mails = 0;
    let deadlines = 0;
    for (const incident of open) {
      const standing = incidentStanding(incident, timeZone, now);
      for (const report of ['preliminary', 'final'] as const) {
        const state = standing[report];
        const kind = incidentReminderKind(state.state);
        if (!kind) continue;
        deadlines++;
        const deadline = standing.deadlines[report];
        mails += await inTransaction(em, (tx) =>
          new MailService(tx, null, deps).notifyStaff(
            kind,
            {},
            {
              incidentId: incident.id,
              reference: incident.reference,
              title: incident.title,
              reportKind: deadline.kind,
              dueOn: deadline.dueAt.toISOString(),
              days: Math.abs(state.daysLeft ?? 0),
            },
            incidentReminderDedupe(incident.id, deadline.kind),
          ),
        );
      }
    }
    return { incidents: open.length, deadlines, mails };
  },
};

/** The reminders run once per UTC day, on whichever instance enqueues them first. */
export const incidentRemindersSchedule: JobSchedule = { kind: 'INCIDENT_REPORT_REMINDERS', periodOf: DAILY };
