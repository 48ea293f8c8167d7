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
  type DataCategory,
  type IncidentCause,
  type IncidentChecklistQuestion,
  type IncidentCriterion,
  type IncidentDeadlineState,
  type IncidentDiscovery,
  type IncidentKind,
  type IncidentNotificationChannel,
  type IncidentReportKind,
  type IncidentReportRecipient,
  type IncidentReportability,
  type IncidentStatus,
  type IncidentStepKind,
} from '@steward/policy-core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, type Page } from '../common/connection.js';
import { DataCategoryEnum } from '../common/enums.js';
import { ProviderRefType } from '../names/names.type.js';

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

@ObjectType('IncidentChecklist', {
  description: 'The three questions the staff answer because Steward cannot know (null: not answered yet).',
})
export class IncidentChecklistType {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Special care-required personal information is or may be involved.',
  })
  sensitiveData!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Data whose misuse may cause financial loss is or may be involved.',
  })
  financialLossRisk!: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'All the data was strongly encrypted and the key was not compromised (exempts the incident).',
  })
  strongEncryptionKeySafe!: boolean | null;
}

@ObjectType('IncidentReason', { description: 'One reason of an assessment, like a decision’s.' })
export class IncidentReasonType {
  @Field(() => String, {
    description: 'A stable code (policy-core INCIDENT_REASON_CODES): switch on this, not on the message.',
  })
  code!: string;
  @Field(() => String, { description: 'The reason in the caller’s language.' }) message!: string;
  @Field(() => String, { description: 'The text the reason applies (APPI, the Commission’s Rules, the Guidelines).' })
  article!: string;
}

@ObjectType('IncidentAssessment', {
  description: 'Whether the incident must be reported and the people affected notified (policy-core assessIncident).',
})
export class IncidentAssessmentType {
  @Field(() => IncidentReportabilityEnum, { description: 'Reportable, not reportable, or not yet determined.' })
  reportability!: IncidentReportability;
  @Field(() => [IncidentCriterionEnum], { description: 'The criteria of Rules Art. 7 that hold (empty when exempt).' })
  criteria!: IncidentCriterion[];
  @Field(() => IncidentReportRecipientEnum, {
    nullable: true,
    description: 'Where the reports go; null when not reportable.',
  })
  reportTo!: IncidentReportRecipient | null;
  @Field(() => Boolean, { description: 'Each affected person must be notified (APPI Art. 26(2)).' })
  notifyProviders!: boolean;
  @Field(() => Boolean, { description: 'The strong-encryption exemption applied.' }) encryptionExempt!: boolean;
  @Field(() => [IncidentChecklistQuestionEnum], {
    description: 'Checklist questions still unanswered that could change the outcome.',
  })
  unanswered!: IncidentChecklistQuestion[];
  @Field(() => [IncidentReasonType], { description: 'Every reason, in the caller’s language.' })
  reasons!: IncidentReasonType[];
}

@ObjectType('IncidentDeadline', { description: 'A report deadline and where it stands now.' })
export class IncidentDeadlineType {
  @Field(() => IncidentReportKindEnum, { description: 'Which report.' }) kind!: IncidentReportKind;
  @Field(() => String, { description: 'The local date it is due on (YYYY-MM-DD, the organisation’s time zone).' })
  dueOn!: string;
  @Field(() => Date, { description: 'The end of that local day, as an instant.' }) dueAt!: Date;
  @Field(() => Int, { description: 'The day it is due on, counting the day of awareness as day 1 (5, 30 or 60).' })
  day!: number;
  @Field(() => IncidentDeadlineStateEnum, { description: 'Met, on track, due soon, overdue or not required.' })
  state!: IncidentDeadlineState;
  @Field(() => Int, {
    nullable: true,
    description: 'Whole local days left (0 on the day, negative when overdue); null when met or not required.',
  })
  daysLeft!: number | null;
  @Field(() => Boolean, { description: 'Sent after its due instant (met, but late).' }) late!: boolean;
}

@ObjectType('IncidentAbilities', {
  description: 'What the caller may do with this incident now (policy-core incidentAbilities).',
})
export class IncidentAbilitiesType {
  @Field(() => Boolean, { description: 'Change its facts, checklist and affected providers.' }) edit!: boolean;
  @Field(() => [IncidentReportKindEnum], { description: 'The reports that may be recorded now.' })
  reports!: IncidentReportKind[];
  @Field(() => Boolean, { description: 'Record a notification of the people affected.' }) notify!: boolean;
  @Field(() => Boolean, { description: 'Add a note or a measure.' }) note!: boolean;
  @Field(() => [IncidentStatusEnum], { description: 'The statuses changeIncidentStatus may move it to now.' })
  nextStatuses!: IncidentStatus[];
}

@ObjectType('IncidentStep', { description: 'One step of the incident’s timeline, each recorded by one ledger entry.' })
export class IncidentStepType {
  @Field(() => ID, { description: 'The step’s id.' }) id!: string;
  @Field(() => IncidentStepKindEnum, { description: 'What the step was.' }) kind!: IncidentStepKind;
  @Field(() => Date, { description: 'When it was recorded.' }) at!: Date;
  /** The stored actor (`admin:<id>`, null = Steward), named by the `actor` field resolver. */
  actorRef!: string | null;
  @Field(() => String, {
    description: 'One line in the caller’s language, e.g. "Preliminary report sent (ref. PPC-123)".',
  })
  summary!: string;
  @Field(() => String, { nullable: true, description: 'The note written with the step.' }) note!: string | null;
  @Field(() => Int, { nullable: true, description: 'The sequence of the ledger entry that records the step.' })
  ledgerSequence!: number | null;
}

@ObjectType('IncidentNotification', {
  description: 'A notification of the people affected, or the public notice instead.',
})
export class IncidentNotificationType {
  @Field(() => ID, { description: 'The notification’s id.' }) id!: string;
  @Field(() => IncidentNotificationChannelEnum, { description: 'How they were told.' })
  channel!: IncidentNotificationChannel;
  @Field(() => Date, { description: 'When.' }) sentAt!: Date;
  @Field(() => Int, { description: 'Providers told (with viaMail: the mails queued).' }) providersCount!: number;
  @Field(() => Boolean, { description: 'Steward queued the mails itself.' }) viaMail!: boolean;
  @Field(() => String, { nullable: true, description: 'The note written with it.' }) note!: string | null;
}

@ObjectType('IncidentSummary', { description: 'A row of the incident register: no free text.' })
export class IncidentSummaryType {
  @Field(() => ID, { description: 'The incident’s id.' }) id!: string;
  @Field(() => String, { description: 'INC-YYYY-NNNN.' }) reference!: string;
  @Field(() => String, { description: 'The staff’s short title (no personal data).' }) title!: string;
  @Field(() => IncidentKindEnum, { description: 'What happened.' }) kind!: IncidentKind;
  @Field(() => IncidentStatusEnum, { description: 'Where its handling is.' }) status!: IncidentStatus;
  @Field(() => Date, { description: 'When the organisation became aware.' }) awareAt!: Date;
  @Field(() => Int, { description: 'People affected (the larger of the count entered and the providers linked).' })
  affectedCount!: number;
  @Field(() => IncidentReportabilityEnum, { description: 'The assessment’s outcome now.' })
  reportability!: IncidentReportability;
  @Field(() => [IncidentCriterionEnum], { description: 'The reporting criteria that hold.' })
  criteria!: IncidentCriterion[];
  @Field(() => IncidentDeadlineType, { description: 'The preliminary report’s deadline.' })
  preliminary!: IncidentDeadlineType;
  @Field(() => IncidentDeadlineType, { description: 'The final report’s deadline.' }) final!: IncidentDeadlineType;
  @Field(() => IncidentDeadlineStateEnum, { description: 'The more urgent of the two deadline states.' })
  urgency!: IncidentDeadlineState;
  @Field(() => IncidentDiscoveryEnum, { description: 'How the organisation found out.' }) discovery!: IncidentDiscovery;
}

@ObjectType('IncidentReportField', { description: 'One item of the report.' })
export class IncidentReportFieldType {
  @Field(() => String, { description: 'The item’s label (Japanese).' }) label!: string;
  @Field(() => String, { description: 'Its value (Japanese; （未記入） when not known yet).' }) value!: string;
}

@ObjectType('IncidentReportSection', { description: 'One section of the report, in the order of Rules Art. 8(1).' })
export class IncidentReportSectionType {
  @Field(() => String, { description: 'A stable key of the section.' }) key!: string;
  @Field(() => String, { description: 'Its heading (Japanese).' }) heading!: string;
  @Field(() => String, { description: 'The rule the section answers.' }) article!: string;
  @Field(() => [IncidentReportFieldType], { description: 'Its items.' }) fields!: IncidentReportFieldType[];
}

@ObjectType('IncidentReport', {
  description:
    'The content of a report to the Personal Information Protection Commission, in Japanese (policy-core commissionReport).',
})
export class IncidentReportType {
  @Field(() => String, { description: 'The report’s title.' }) title!: string;
  @Field(() => [IncidentReportSectionType], { description: 'Its sections.' }) sections!: IncidentReportSectionType[];
}

@ObjectType('Incident', {
  description: 'An incident: a leak, loss, damage or falsification of personal data, and its handling.',
})
export class IncidentType extends IncidentSummaryType {
  @Field(() => Date, { nullable: true, description: 'When it happened, if known.' }) occurredAt!: Date | null;
  @Field(() => IncidentCauseEnum, { description: 'What caused it, as far as known.' }) cause!: IncidentCause;
  @Field(() => String, { nullable: true, description: 'More about the cause.' }) causeDetail!: string | null;
  @Field(() => Boolean, { description: 'An act with a wrongful purpose may be behind it.' })
  wrongfulPurposeSuspected!: boolean;
  @Field(() => String, { nullable: true, description: 'What happened.' }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'What was done and will be done.' }) measures!: string | null;
  @Field(() => String, { nullable: true, description: 'Data involved beyond Steward’s categories.' })
  dataInvolved!: string | null;
  @Field(() => String, { nullable: true, description: 'Secondary damage that happened or may happen.' })
  secondaryDamage!: string | null;
  @Field(() => [DataCategoryEnum], { description: 'Steward’s data categories involved.' }) categories!: DataCategory[];
  @Field(() => IncidentChecklistType, { description: 'The checklist as answered.' }) checklist!: IncidentChecklistType;
  @Field(() => IncidentChecklistType, {
    description:
      'The checklist as Steward’s categories answer it (policy-core checklistFromCategories): a pre-fill to confirm.',
  })
  suggestedChecklist!: IncidentChecklistType;
  @Field(() => Boolean, { description: 'The count is an estimate.' }) affectedCountEstimated!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'The organisation that entrusted the data (this one acted as contractor).',
  })
  entrustedBy!: string | null;
  @Field(() => IncidentAssessmentType, { description: 'The assessment now.' }) assessment!: IncidentAssessmentType;
  @Field(() => Date, { nullable: true, description: 'When the preliminary report was sent.' })
  preliminarySentAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The preliminary report’s reference.' })
  preliminaryReference!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the final report was sent.' }) finalSentAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'The final report’s reference.' }) finalReference!: string | null;
  @Field(() => [IncidentStepType], { description: 'The timeline, oldest first.' }) steps!: IncidentStepType[];
  @Field(() => [IncidentNotificationType], { description: 'Notifications of the people affected, oldest first.' })
  notifications!: IncidentNotificationType[];
  @Field(() => IncidentAbilitiesType, { description: 'What the caller may do with it now.' })
  abilities!: IncidentAbilitiesType;
  /** `admin:<id>` of who recorded it, null for Steward's detectors (the `createdBy` field resolver names it). */
  createdByRef!: string | null;
  @Field(() => Date, { description: 'When it was recorded.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was closed (null while open).' }) closedAt!: Date | null;
  @Field(() => Int, { description: 'The optimistic lock: updateIncident names the version it read.' }) version!: number;
}

@ObjectType('IncidentAffectedPreview', {
  description: 'What a selection of affected providers would choose; nothing is stored.',
})
export class IncidentAffectedPreviewType {
  @Field(() => Int, { description: 'How many providers it chooses.' }) count!: number;
  @Field(() => [ProviderRefType], { description: 'The first 20, by reference.' }) sample!: ProviderRefType[];
}

export const IncidentConnection = Connection('Incident', IncidentSummaryType, { one: 'incident', many: 'incidents' });
export type IncidentConnection = Page<IncidentSummaryType>;
export const ProviderRefConnection = Connection('ProviderRef', ProviderRefType, { one: 'provider', many: 'providers' });
export type ProviderRefConnection = Page<ProviderRefType>;
