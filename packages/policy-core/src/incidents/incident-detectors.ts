import type { IncidentDeadlineState, IncidentReportKind } from './incident-vocabulary.js';

/**
 * Steward's own detectors (apps/api/src/incidents/detectors/). A partner key whose requests are
 * refused for reaching outside its scope (a root field it is not given, a provider it does not
 * cover) is either misconfigured or probing. A misconfigured client refuses a handful of times and
 * is fixed; an integration bug that loops refuses steadily but slowly; a key trying ids or fields
 * one after another refuses fast. 20 refusals within 10 minutes (one every 30 s on average) is well
 * above a person retrying by hand and well below what an enumeration needs to get anywhere, so it
 * opens a "suspected unauthorised access" incident for staff to assess — not proof of a leak, a
 * prompt to look (the Guidelines count a possible leak: 漏えいが発生したおそれ).
 */
export const PARTNER_SCOPE_REFUSAL_THRESHOLD = 20;
export const PARTNER_SCOPE_WINDOW_MS = 10 * 60_000;

/** Whether `refusals` (instants, any order) of one key include THRESHOLD within one WINDOW ending at `now`. */
export function partnerScopeAlarm(refusals: readonly number[], now: number): boolean {
  const from = now - PARTNER_SCOPE_WINDOW_MS;
  return refusals.filter((t) => t > from && t <= now).length >= PARTNER_SCOPE_REFUSAL_THRESHOLD;
}

/** At most one incident per key per (UTC) day: the detector key of the day `at` falls on. */
export function partnerScopeDetectorKey(credentialId: string, at: Date): string {
  return `partner-scope:${credentialId}:${at.toISOString().slice(0, 10)}`;
}

/** One incident per failed verification (a re-run is another verification, with its own job). */
export function ledgerVerificationDetectorKey(jobId: string): string {
  return `ledger-verification:${jobId}`;
}

/** What staff are mailed about a report deadline (the daily INCIDENT_REPORT_REMINDERS job). */
export type IncidentReminderKind = 'INCIDENT_REPORT_DUE_SOON' | 'INCIDENT_REPORT_OVERDUE';

/** The reminder a deadline in `state` calls for: OVERDUE and DUE_SOON only (on track, met, not required: none). */
export function incidentReminderKind(state: IncidentDeadlineState): IncidentReminderKind | null {
  if (state === 'OVERDUE') return 'INCIDENT_REPORT_OVERDUE';
  if (state === 'DUE_SOON') return 'INCIDENT_REPORT_DUE_SOON';
  return null;
}

/** Once per incident, deadline and state (MailService adds the member): the mail's dedupe key. */
export function incidentReminderDedupe(incidentId: string, report: IncidentReportKind): string {
  return `${incidentId}:${report}`;
}

/** The texts of a detected incident, in the catalogue as `incidentDetector.<discovery>.<part>` (ja and en both go in it). */
export const INCIDENT_DETECTOR_TEXTS = [
  'LEDGER_VERIFICATION.title',
  'LEDGER_VERIFICATION.description',
  'PARTNER_SCOPE_MONITOR.title',
  'PARTNER_SCOPE_MONITOR.description',
] as const;
