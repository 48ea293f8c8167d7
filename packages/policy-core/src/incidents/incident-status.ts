import { callerCanWrite, type Caller } from '../abilities/caller.js';
import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import {
  INCIDENT_REPORT_KINDS,
  isIncidentStatus,
  type IncidentReportKind,
  type IncidentReportRecipient,
  type IncidentReportability,
  type IncidentStatus,
} from './incident-vocabulary.js';

const NEXT: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  OPEN: ['ASSESSING'],
  ASSESSING: ['PRELIMINARY_REPORTED', 'CLOSED'],
  PRELIMINARY_REPORTED: ['FINAL_REPORTED', 'CLOSED'],
  FINAL_REPORTED: ['CLOSED'],
  // New facts reopen the assessment; the record of what was sent stays.
  CLOSED: ['ASSESSING'],
};

/** The statuses an incident in `from` may move to before the facts are checked. */
export function allowedIncidentStatuses(from: IncidentStatus): IncidentStatus[] {
  return isIncidentStatus(from) ? [...NEXT[from]] : [];
}

/** What a status change is checked against. */
export type IncidentStatusFacts = {
  reportability: IncidentReportability;
  reportTo: IncidentReportRecipient | null;
  notifyProviders: boolean;
  preliminarySent: boolean;
  finalSent: boolean;
  /** Notifications recorded (to providers one by one, or a public notice where that is difficult). */
  notificationsRecorded: number;
};

/**
 * Whether an incident may move from `from` to `to`:
 * OPEN → ASSESSING → PRELIMINARY_REPORTED → FINAL_REPORTED → CLOSED, CLOSED → ASSESSING (reopen).
 * - PRELIMINARY_REPORTED and FINAL_REPORTED need a REPORTABLE assessment and that report recorded
 *   (the report's date and reference are recorded with the step, so the status never claims a
 *   report nobody sent); FINAL_REPORTED needs the preliminary one first.
 * - ASSESSING → CLOSED only when the assessment is NOT_REPORTABLE (UNDETERMINED must be answered,
 *   REPORTABLE must be reported).
 * - PRELIMINARY_REPORTED → CLOSED only for a contractor that notified the organisation that
 *   entrusted it (Rules Art. 9 asks for one notice, no final report).
 * - Closing a reportable incident needs the providers notified when they must be (Art. 26(2)):
 *   at least one notification recorded.
 * Issues, all at once: `status` (INVALID_VALUE, NO_CHANGE or INVALID_TRANSITION), then the facts.
 */
export function validateIncidentStatusChange(
  from: IncidentStatus,
  to: IncidentStatus,
  facts: IncidentStatusFacts,
): Validation {
  if (!isIncidentStatus(from) || !isIncidentStatus(to))
    return toValidation([issue('status', 'INVALID_VALUE', 'Unknown incident status.')]);
  if (from === to) return toValidation([issue('status', 'NO_CHANGE', `The incident is already ${to}.`)]);
  if (!NEXT[from].includes(to))
    return toValidation([
      issue('status', 'INVALID_TRANSITION', `An incident cannot move from ${from} to ${to}.`, { from, to }),
    ]);
  const issues: Issue[] = [];
  const reportable = facts.reportability === 'REPORTABLE';
  if (to === 'PRELIMINARY_REPORTED' || to === 'FINAL_REPORTED') {
    if (!reportable)
      issues.push(
        issue('assessment', 'INVALID_TRANSITION', 'Only a reportable incident is reported: assess it first.'),
      );
    if (to === 'PRELIMINARY_REPORTED' && !facts.preliminarySent)
      issues.push(issue('report', 'REQUIRED', 'Record the preliminary report (date and reference).'));
    if (to === 'FINAL_REPORTED') {
      if (!facts.preliminarySent) issues.push(issue('report', 'REQUIRED', 'Record the preliminary report first.'));
      if (!facts.finalSent) issues.push(issue('report', 'REQUIRED', 'Record the final report (date and reference).'));
    }
  }
  if (to === 'CLOSED') {
    if (from === 'ASSESSING' && facts.reportability !== 'NOT_REPORTABLE')
      issues.push(
        issue(
          'assessment',
          'INVALID_TRANSITION',
          facts.reportability === 'REPORTABLE'
            ? 'A reportable incident closes after its reports.'
            : 'Answer the checklist first: the incident may be reportable.',
        ),
      );
    if (from === 'PRELIMINARY_REPORTED' && facts.reportTo !== 'ENTRUSTING_ORGANISATION')
      issues.push(issue('report', 'REQUIRED', 'Record the final report before closing.'));
    if (from !== 'ASSESSING' && reportable && facts.notifyProviders && facts.notificationsRecorded === 0)
      issues.push(
        issue('notifications', 'REQUIRED', 'Record the notification of the people affected (or the public notice).'),
      );
  }
  return toValidation(issues);
}

/** What the caller may do with one incident now; the admin shows exactly these actions. */
export type IncidentAbilities = {
  /** Change its facts, checklist and affected providers (not once closed: reopen first). */
  edit: boolean;
  /** The reports that may be recorded now, in order (PRELIMINARY before FINAL). */
  reports: IncidentReportKind[];
  /** Record a notification to the providers (or a public notice). */
  notify: boolean;
  /** Add a note or a measure to the timeline (always, even closed: the record stays whole). */
  note: boolean;
  /** The statuses it may move to now (validateIncidentStatusChange with the report about to be recorded counted). */
  nextStatuses: IncidentStatus[];
};

/**
 * The caller's abilities on an incident: owners and privacy officers create and move incidents,
 * viewers (and partners, systems, nobody) only read.
 */
export function incidentAbilities(
  status: IncidentStatus,
  facts: IncidentStatusFacts,
  caller: Caller | null,
): IncidentAbilities {
  if (!callerCanWrite(caller)) return { edit: false, reports: [], notify: false, note: false, nextStatuses: [] };
  const reportable = facts.reportability === 'REPORTABLE';
  const reports = INCIDENT_REPORT_KINDS.filter((kind) =>
    kind === 'PRELIMINARY'
      ? reportable && !facts.preliminarySent && status === 'ASSESSING'
      : reportable &&
        facts.preliminarySent &&
        !facts.finalSent &&
        status === 'PRELIMINARY_REPORTED' &&
        facts.reportTo === 'COMMISSION',
  );
  return {
    edit: status !== 'CLOSED',
    reports,
    notify: status !== 'CLOSED' && status !== 'OPEN',
    note: true,
    // A report step moves the status itself; the plain status change offers the others.
    nextStatuses: allowedIncidentStatuses(status).filter((to) => validateIncidentStatusChange(status, to, facts).ok),
  };
}
