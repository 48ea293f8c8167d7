import {
  INCIDENT_AFFECTED_SELECTORS,
  INCIDENT_CAUSES,
  INCIDENT_CRITERIA,
  INCIDENT_DEADLINE_STATES,
  INCIDENT_DISCOVERIES,
  INCIDENT_KINDS,
  INCIDENT_NOTIFICATION_CHANNELS,
  INCIDENT_REPORTABILITIES,
  INCIDENT_REPORT_KINDS,
  INCIDENT_REPORT_RECIPIENTS,
  INCIDENT_STATUSES,
  INCIDENT_STEP_KINDS,
  messages,
} from '@steward/policy-core';
import { registerEnumType } from 'type-graphql';

const asEnum = <const T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };

/** Registers a policy-core vocabulary as a GraphQL enum, each value described by its English catalogue label. */
function register(
  values: Record<string, string>,
  name: string,
  catalogue: string,
  description: string,
  extra: Record<string, string> = {},
): void {
  const en = messages.en as Record<string, string>;
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.keys(values).map((v) => [v, { description: extra[v] ?? en[`${catalogue}.${v}`] ?? v }]),
    ),
  });
}

export const IncidentKindEnum = asEnum(INCIDENT_KINDS);
export const IncidentStatusEnum = asEnum(INCIDENT_STATUSES);
export const IncidentDiscoveryEnum = asEnum(INCIDENT_DISCOVERIES);
export const IncidentCauseEnum = asEnum(INCIDENT_CAUSES);
export const IncidentCriterionEnum = asEnum(INCIDENT_CRITERIA);
export const IncidentReportabilityEnum = asEnum(INCIDENT_REPORTABILITIES);
export const IncidentReportKindEnum = asEnum(INCIDENT_REPORT_KINDS);
export const IncidentReportRecipientEnum = asEnum(INCIDENT_REPORT_RECIPIENTS);
export const IncidentNotificationChannelEnum = asEnum(INCIDENT_NOTIFICATION_CHANNELS);
export const IncidentStepKindEnum = asEnum(INCIDENT_STEP_KINDS);
export const IncidentAffectedSelectorEnum = asEnum(INCIDENT_AFFECTED_SELECTORS);
export const IncidentDeadlineStateEnum = asEnum(INCIDENT_DEADLINE_STATES);
/** GraphQL's names for policy-core's checklist questions (sensitiveData → SENSITIVE_DATA). */
export const IncidentChecklistQuestionEnum = {
  SENSITIVE_DATA: 'sensitiveData',
  FINANCIAL_LOSS_RISK: 'financialLossRisk',
  STRONG_ENCRYPTION_KEY_SAFE: 'strongEncryptionKeySafe',
} as const;
export const IncidentOrderEnum = asEnum(['AWARE_AT_DESC', 'URGENCY'] as const);

register(
  IncidentKindEnum,
  'IncidentKind',
  'incidentKind',
  'What happened to personal data (APPI Art. 26(1): leak, loss, damage; falsification counts as damage).',
);
register(IncidentStatusEnum, 'IncidentStatus', 'incidentStatus', 'Where the handling of an incident is.', {
  OPEN: 'Recorded, not yet assessed.',
  ASSESSING: 'Being assessed: is it reportable, who is affected.',
  PRELIMINARY_REPORTED: 'The preliminary report (速報) was sent.',
  FINAL_REPORTED: 'The final report (確報) was sent.',
  CLOSED: 'Handled; reopening goes back to ASSESSING.',
});
register(IncidentDiscoveryEnum, 'IncidentDiscovery', 'incidentDiscovery', 'How the organisation found out.');
register(IncidentCauseEnum, 'IncidentCause', 'incidentCause', 'What caused the incident, as far as known.');
register(
  IncidentCriterionEnum,
  'IncidentCriterion',
  'incidentCriterion',
  'A situation of the Commission’s Rules Art. 7 that makes an incident reportable.',
);
register(
  IncidentReportabilityEnum,
  'IncidentReportability',
  'incidentReportability',
  'Whether the incident must be reported to the Commission (policy-core assessIncident).',
);
register(IncidentReportKindEnum, 'IncidentReportKind', 'incidentReportKind', 'The two reports of Rules Art. 8.');
register(
  IncidentReportRecipientEnum,
  'IncidentReportRecipient',
  'incidentReportRecipient',
  'Whom the reports go to (the Commission, or the entrusting organisation for a contractor).',
);
register(
  IncidentNotificationChannelEnum,
  'IncidentNotificationChannel',
  'incidentNotificationChannel',
  'How the people affected were told (APPI Art. 26(2), Rules Art. 10).',
);
register(IncidentStepKindEnum, 'IncidentStepKind', 'incidentStep', 'One step of an incident’s timeline.');
register(
  IncidentAffectedSelectorEnum,
  'IncidentAffectedSelector',
  'incidentAffectedSelector',
  'A fixed way to choose the providers an incident affects.',
);
register(
  IncidentDeadlineStateEnum,
  'IncidentDeadlineState',
  'incidentDeadlineState',
  'Where a report deadline stands.',
);
register(
  IncidentChecklistQuestionEnum,
  'IncidentChecklistQuestion',
  'incidentQuestion',
  'A checklist question the staff answer (Steward cannot know).',
  {
    SENSITIVE_DATA: 'Is special care-required personal information involved, or may it be?',
    FINANCIAL_LOSS_RISK: 'Is data whose misuse may cause financial loss involved, or may it be?',
    STRONG_ENCRYPTION_KEY_SAFE: 'Was all the data strongly encrypted, with the key not compromised?',
  },
);
register(IncidentOrderEnum, 'IncidentOrder', 'incidentOrder', 'How the register is sorted.', {
  AWARE_AT_DESC: 'Newest awareness first (the default).',
  URGENCY: 'The soonest open deadline first (overdue first); incidents without one last.',
});
