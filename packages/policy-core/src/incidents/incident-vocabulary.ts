import { labelsOf, type Localized } from '../messages/catalogue.js';
import { memberOf } from '../vocabulary/guard.js';

/**
 * Clause 3 (management) promises no leakage, damage, falsification or loss; an incident records one
 * that happened anyway. The APPI's words (Art. 26(1)): 漏えい (LEAK), 滅失 (LOSS), 毀損 (DAMAGE).
 * FALSIFICATION (改ざん) is kept apart because the policy names it, and the law treats it as damage
 * (個人情報保護委員会「個人情報の保護に関する法律についてのガイドライン（通則編）」3-5-1-3: 内容が改ざん
 * された場合は毀損に該当する).
 */
export const INCIDENT_KINDS = ['LEAK', 'LOSS', 'DAMAGE', 'FALSIFICATION'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const isIncidentKind = memberOf(INCIDENT_KINDS);
export const INCIDENT_KIND_LABELS: Readonly<Record<IncidentKind, Localized>> = /* @__PURE__ */ labelsOf(
  'incidentKind',
  INCIDENT_KINDS,
);

/**
 * open → assessing → preliminary report sent → final report sent → closed (incident-status.ts has
 * every allowed step: an incident that is not reportable closes after its assessment).
 */
export const INCIDENT_STATUSES = ['OPEN', 'ASSESSING', 'PRELIMINARY_REPORTED', 'FINAL_REPORTED', 'CLOSED'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const isIncidentStatus = memberOf(INCIDENT_STATUSES);
export const INCIDENT_STATUS_LABELS: Readonly<Record<IncidentStatus, Localized>> = /* @__PURE__ */ labelsOf(
  'incidentStatus',
  INCIDENT_STATUSES,
);

/**
 * How the organisation found out. LEDGER_VERIFICATION and PARTNER_SCOPE_MONITOR are Steward's own
 * detectors (a failed verification; repeated refused partner-scope attempts by one key).
 */
export const INCIDENT_DISCOVERIES = [
  'STAFF',
  'PROVIDER_REPORT',
  'CONTRACTOR_NOTICE',
  'THIRD_PARTY_REPORT',
  'LEDGER_VERIFICATION',
  'PARTNER_SCOPE_MONITOR',
  'OTHER',
] as const;
export type IncidentDiscovery = (typeof INCIDENT_DISCOVERIES)[number];
export const isIncidentDiscovery = memberOf(INCIDENT_DISCOVERIES);
export const INCIDENT_DISCOVERY_LABELS: Readonly<Record<IncidentDiscovery, Localized>> = /* @__PURE__ */ labelsOf(
  'incidentDiscovery',
  INCIDENT_DISCOVERIES,
);

/**
 * What caused it, as far as known. Whether a wrongful purpose (不正の目的) may be behind it is asked
 * separately and explicitly (`wrongfulPurposeSuspected`): it decides a criterion and the 60-day
 * final report, so it is never inferred from the cause.
 */
export const INCIDENT_CAUSES = [
  'UNKNOWN',
  'MISDELIVERY',
  'MISCONFIGURATION',
  'LOST_MEDIA',
  'SYSTEM_FAULT',
  'UNAUTHORISED_ACCESS',
  'MALWARE',
  'THEFT',
  'INSIDER_MISUSE',
  'OTHER',
] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];
export const isIncidentCause = memberOf(INCIDENT_CAUSES);
export const INCIDENT_CAUSE_LABELS: Readonly<Record<IncidentCause, Localized>> = /* @__PURE__ */ labelsOf(
  'incidentCause',
  INCIDENT_CAUSES,
);

/**
 * The four situations of the Commission's rules (個人情報の保護に関する法律施行規則 第7条 各号) that make a
 * leak, loss or damage reportable (Art. 26(1)) and the people affected to be notified (Art. 26(2)):
 * 1. SENSITIVE_DATA — 要配慮個人情報が含まれる個人データ (Rules Art. 7(i));
 * 2. FINANCIAL_LOSS_RISK — 不正に利用されることにより財産的被害が生じるおそれがある個人データ (Art. 7(ii));
 * 3. WRONGFUL_PURPOSE — 不正の目的をもって行われたおそれがある行為による漏えい等 (Art. 7(iii), as amended
 *    2024-04-01 to cover personal information being acquired that is to be handled as personal data);
 * 4. OVER_1000_PEOPLE — 本人の数が千人を超える (Art. 7(iv)): 1,001 or more, not 1,000.
 * Each counts when it happened or may have happened (発生したおそれがある事態).
 */
export const INCIDENT_CRITERIA = [
  'SENSITIVE_DATA',
  'FINANCIAL_LOSS_RISK',
  'WRONGFUL_PURPOSE',
  'OVER_1000_PEOPLE',
] as const;
export type IncidentCriterion = (typeof INCIDENT_CRITERIA)[number];
export const isIncidentCriterion = memberOf(INCIDENT_CRITERIA);
export const INCIDENT_CRITERION_LABELS: Readonly<Record<IncidentCriterion, Localized>> = /* @__PURE__ */ labelsOf(
  'incidentCriterion',
  INCIDENT_CRITERIA,
);

/** Rules Art. 7(iv): the number of people an incident must exceed to be reportable on its own. */
export const REPORTABLE_PEOPLE_THRESHOLD = 1000;

/** The outcome of an assessment (incident-assessment.ts). */
export const INCIDENT_REPORTABILITIES = ['REPORTABLE', 'NOT_REPORTABLE', 'UNDETERMINED'] as const;
export type IncidentReportability = (typeof INCIDENT_REPORTABILITIES)[number];
export const INCIDENT_REPORTABILITY_LABELS: Readonly<Record<IncidentReportability, Localized>> =
  /* @__PURE__ */ labelsOf('incidentReportability', INCIDENT_REPORTABILITIES);

/** The two reports to the Commission (Rules Art. 8): 速報 and 確報. */
export const INCIDENT_REPORT_KINDS = ['PRELIMINARY', 'FINAL'] as const;
export type IncidentReportKind = (typeof INCIDENT_REPORT_KINDS)[number];
export const isIncidentReportKind = memberOf(INCIDENT_REPORT_KINDS);
export const INCIDENT_REPORT_KIND_LABELS: Readonly<Record<IncidentReportKind, Localized>> = /* @__PURE__ */ labelsOf(
  'incidentReportKind',
  INCIDENT_REPORT_KINDS,
);

/**
 * Whom the reports go to: the Commission (or the minister it delegated to), or — when the
 * organisation handled the data as a contractor (委託先) — the organisation that entrusted it, which
 * relieves the contractor of its own report (Art. 26(1) proviso, Rules Art. 9).
 */
export const INCIDENT_REPORT_RECIPIENTS = ['COMMISSION', 'ENTRUSTING_ORGANISATION'] as const;
export type IncidentReportRecipient = (typeof INCIDENT_REPORT_RECIPIENTS)[number];
export const INCIDENT_REPORT_RECIPIENT_LABELS: Readonly<Record<IncidentReportRecipient, Localized>> =
  /* @__PURE__ */ labelsOf('incidentReportRecipient', INCIDENT_REPORT_RECIPIENTS);

/**
 * How the people affected were told (Art. 26(2), Rules Art. 10). PUBLIC_NOTICE is the alternative
 * measure (代替措置: 公表 and a contact point) where notifying each person is difficult.
 */
export const INCIDENT_NOTIFICATION_CHANNELS = [
  'EMAIL',
  'POST',
  'TELEPHONE',
  'IN_PERSON',
  'PUBLIC_NOTICE',
  'OTHER',
] as const;
export type IncidentNotificationChannel = (typeof INCIDENT_NOTIFICATION_CHANNELS)[number];
export const isIncidentNotificationChannel = memberOf(INCIDENT_NOTIFICATION_CHANNELS);
export const INCIDENT_NOTIFICATION_CHANNEL_LABELS: Readonly<Record<IncidentNotificationChannel, Localized>> =
  /* @__PURE__ */ labelsOf('incidentNotificationChannel', INCIDENT_NOTIFICATION_CHANNELS);

/** One step of an incident's timeline; each is one ledger entry linked to the affected providers. */
export const INCIDENT_STEP_KINDS = [
  'OPENED',
  'ASSESSED',
  'AFFECTED_CHANGED',
  'STATUS_CHANGED',
  'REPORT_SENT',
  'PROVIDERS_NOTIFIED',
  'MEASURE_RECORDED',
  'NOTE',
] as const;
export type IncidentStepKind = (typeof INCIDENT_STEP_KINDS)[number];
export const isIncidentStepKind = memberOf(INCIDENT_STEP_KINDS);
export const INCIDENT_STEP_KIND_LABELS: Readonly<Record<IncidentStepKind, Localized>> = /* @__PURE__ */ labelsOf(
  'incidentStep',
  INCIDENT_STEP_KINDS,
);

/**
 * The one-line summaries of steps (catalogue `incidentSummary.<key>`, worded with the step's stored
 * non-personal values): one per step kind, and UPDATED for an edit of the facts that changes neither
 * the assessment nor the affected providers (recorded as a NOTE step without a note).
 */
export const INCIDENT_STEP_SUMMARIES = [...INCIDENT_STEP_KINDS, 'UPDATED'] as const;
export type IncidentStepSummaryKey = (typeof INCIDENT_STEP_SUMMARIES)[number];

/**
 * The fixed ways to choose the affected providers (never a free query builder): picked one by one,
 * imported by reference, everyone holding a category, everyone provided to a recipient in a date
 * range, everyone in a given export.
 */
export const INCIDENT_AFFECTED_SELECTORS = [
  'PICKED',
  'REFERENCES',
  'HOLDS_CATEGORY',
  'PROVIDED_TO_RECIPIENT',
  'IN_EXPORT',
] as const;
export type IncidentAffectedSelector = (typeof INCIDENT_AFFECTED_SELECTORS)[number];
export const isIncidentAffectedSelector = memberOf(INCIDENT_AFFECTED_SELECTORS);
export const INCIDENT_AFFECTED_SELECTOR_LABELS: Readonly<Record<IncidentAffectedSelector, Localized>> =
  /* @__PURE__ */ labelsOf('incidentAffectedSelector', INCIDENT_AFFECTED_SELECTORS);

/** Whether a deadline is met, not yet due, due soon, overdue, or does not apply. */
export const INCIDENT_DEADLINE_STATES = ['NOT_REQUIRED', 'MET', 'ON_TRACK', 'DUE_SOON', 'OVERDUE'] as const;
export type IncidentDeadlineState = (typeof INCIDENT_DEADLINE_STATES)[number];
export const INCIDENT_DEADLINE_STATE_LABELS: Readonly<Record<IncidentDeadlineState, Localized>> =
  /* @__PURE__ */ labelsOf('incidentDeadlineState', INCIDENT_DEADLINE_STATES);

/** Length limits (code points) of an incident's text, shared by the admin and the API. */
export const INCIDENT_LIMITS = {
  title: 200,
  description: 10_000,
  measures: 10_000,
  causeDetail: 5_000,
  dataInvolved: 2_000,
  secondaryDamage: 5_000,
  reportReference: 200,
  note: 5_000,
  entrustingOrganisation: 200,
  /** A count entered by hand when the individuals are not known. */
  maxAffectedCount: 1_000_000_000,
  /** References in one "imported by reference" selection. */
  maxReferences: 100_000,
} as const;
