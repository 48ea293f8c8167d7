import type {
  IncidentCause,
  IncidentChecklistQuestion,
  IncidentCriterion,
  IncidentDeadlineFieldsFragment,
  IncidentDeadlineState,
  IncidentDiscovery,
  IncidentKind,
  IncidentNotificationChannel,
  IncidentReportKind,
  IncidentReportRecipient,
  IncidentReportability,
  IncidentAffectedSelector,
  IncidentStatus,
  IncidentStepKind,
} from '@steward/schema';
import type { TFunction } from 'i18next';
import { vocabularyLabels } from '../../components/labels.js';
import { URGENCY_COLOR } from '../requests/request-labels.js';

// Labels in the language on screen, from policy-core's catalogue (components/labels.ts: the
// `incident*` vocabularies); the annotations name the generated schema types.

export const INCIDENT_KIND_LABEL: Readonly<Record<IncidentKind, string>> = vocabularyLabels('incidentKind');
export const INCIDENT_STATUS_LABEL: Readonly<Record<IncidentStatus, string>> = vocabularyLabels('incidentStatus');
export const INCIDENT_DISCOVERY_LABEL: Readonly<Record<IncidentDiscovery, string>> =
  vocabularyLabels('incidentDiscovery');
export const INCIDENT_CAUSE_LABEL: Readonly<Record<IncidentCause, string>> = vocabularyLabels('incidentCause');
export const INCIDENT_CRITERION_LABEL: Readonly<Record<IncidentCriterion, string>> =
  vocabularyLabels('incidentCriterion');
export const INCIDENT_REPORTABILITY_LABEL: Readonly<Record<IncidentReportability, string>> =
  vocabularyLabels('incidentReportability');
export const INCIDENT_REPORT_KIND_LABEL: Readonly<Record<IncidentReportKind, string>> =
  vocabularyLabels('incidentReportKind');
export const INCIDENT_REPORT_RECIPIENT_LABEL: Readonly<Record<IncidentReportRecipient, string>> =
  vocabularyLabels('incidentReportRecipient');
export const INCIDENT_CHANNEL_LABEL: Readonly<Record<IncidentNotificationChannel, string>> =
  vocabularyLabels('incidentNotificationChannel');
export const INCIDENT_STEP_LABEL: Readonly<Record<IncidentStepKind, string>> = vocabularyLabels('incidentStep');
export const INCIDENT_SELECTOR_LABEL: Readonly<Record<IncidentAffectedSelector, string>> =
  vocabularyLabels('incidentAffectedSelector');
export const INCIDENT_DEADLINE_STATE_LABEL: Readonly<Record<IncidentDeadlineState, string>> =
  vocabularyLabels('incidentDeadlineState');

/** policy-core words the questions by its checklist keys; the schema's enum is their upper-case form. */
const QUESTION_LABEL = vocabularyLabels('incidentQuestion');
export const QUESTION_KEY = {
  SENSITIVE_DATA: 'sensitiveData',
  FINANCIAL_LOSS_RISK: 'financialLossRisk',
  STRONG_ENCRYPTION_KEY_SAFE: 'strongEncryptionKeySafe',
} as const satisfies Record<IncidentChecklistQuestion, keyof typeof QUESTION_LABEL>;

export function questionLabel(question: IncidentChecklistQuestion): string {
  return QUESTION_LABEL[QUESTION_KEY[question]];
}

export const INCIDENT_STATUS_COLOR: Record<IncidentStatus, string> = {
  OPEN: 'blue',
  ASSESSING: 'violet',
  PRELIMINARY_REPORTED: 'cyan',
  FINAL_REPORTED: 'teal',
  CLOSED: 'gray',
};

export const REPORTABILITY_COLOR: Record<IncidentReportability, string> = {
  REPORTABLE: 'red',
  UNDETERMINED: 'orange',
  NOT_REPORTABLE: 'gray',
};

/** The requests' urgency colours (theme colours, contrast-checked), with the two states requests lack. */
export const DEADLINE_COLOR: Record<IncidentDeadlineState, string> = {
  OVERDUE: URGENCY_COLOR.OVERDUE,
  DUE_SOON: URGENCY_COLOR.DUE_SOON,
  ON_TRACK: URGENCY_COLOR.ON_TRACK,
  MET: 'teal',
  NOT_REQUIRED: URGENCY_COLOR.CLOSED,
};

/** Whether a deadline still runs (a report is required and not sent). */
export function isRunning(deadline: Pick<IncidentDeadlineFieldsFragment, 'state'>): boolean {
  return deadline.state === 'ON_TRACK' || deadline.state === 'DUE_SOON' || deadline.state === 'OVERDUE';
}

/**
 * A deadline as a countdown: "残り3日" / "3 days left", "本日期限" / "due today", "2日超過" / "2 days
 * overdue" while it runs; its state ("Sent", "Sent late", "Not required") otherwise.
 */
export function countdownLabel(
  t: TFunction,
  deadline: Pick<IncidentDeadlineFieldsFragment, 'state' | 'daysLeft' | 'late'>,
): string {
  if (deadline.state === 'MET')
    return deadline.late ? t('incidents:deadline.sentLate') : INCIDENT_DEADLINE_STATE_LABEL.MET;
  if (!isRunning(deadline) || deadline.daysLeft === null) return INCIDENT_DEADLINE_STATE_LABEL[deadline.state];
  if (deadline.daysLeft === 0) return t('incidents:deadline.dueToday');
  if (deadline.daysLeft > 0) return t('incidents:deadline.daysLeft', { count: deadline.daysLeft });
  return t('incidents:deadline.daysOverdue', { count: -deadline.daysLeft });
}

/** The deadline to watch next: the preliminary report's while it runs, then the final one's. */
export function nextDeadline<D extends Pick<IncidentDeadlineFieldsFragment, 'state'>>(incident: {
  preliminary: D;
  final: D;
}): D | null {
  if (isRunning(incident.preliminary)) return incident.preliminary;
  if (isRunning(incident.final)) return incident.final;
  return null;
}
