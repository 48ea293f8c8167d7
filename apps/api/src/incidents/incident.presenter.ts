import {
  checklistFromCategories,
  commissionReport,
  incidentAbilities,
  label,
  type Caller,
  type CommissionReport,
  type IncidentCriterion,
  type IncidentDeadlineState,
  type IncidentDiscovery,
  type IncidentKind,
  type IncidentReportKind,
  type IncidentReportability,
  type IncidentStatus,
  type IncidentStepKind,
  type Language,
  localIsoDate,
  type MessageKey,
} from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { formatMessage } from '../i18n/messages.js';
import type { ProviderMailSecret } from '../mail/mail.presenter.js';
import type { MailParams } from '../mail/mail-templates.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { itemSealContext, type PersonalDataItem } from '../providers/personal-data-item.entity.js';
import { statusFacts, type IncidentStanding } from './incident-facts.js';
import { incidentNotificationSealContext } from './incident-notification.entity.js';
import { incidentStepSealContext } from './incident-step.entity.js';
import type { IncidentType } from './incident.type.js';
import { Incident, incidentSealContext } from './incident.entity.js';
import type { IncidentNotification } from './incident-notification.entity.js';
import type { IncidentStep, IncidentStepSummary } from './incident-step.entity.js';

/** One report deadline as the register and the incident page show it. */
export interface IncidentDeadlineView {
  kind: IncidentReportKind;
  dueOn: string;
  dueAt: Date;
  day: number;
  state: IncidentDeadlineState;
  daysLeft: number | null;
  late: boolean;
}

/** A row of the register (GraphQL IncidentSummary): no sealed value, so nothing to audit. */
export interface IncidentSummaryRow {
  id: string;
  reference: string;
  title: string;
  kind: IncidentKind;
  status: IncidentStatus;
  awareAt: Date;
  affectedCount: number;
  reportability: IncidentReportability;
  criteria: IncidentCriterion[];
  preliminary: IncidentDeadlineView;
  final: IncidentDeadlineView;
  urgency: IncidentDeadlineState;
  discovery: IncidentDiscovery;
}

export function presentIncidentSummary(i: Incident, standing: IncidentStanding): IncidentSummaryRow {
  const deadline = (kind: 'preliminary' | 'final'): IncidentDeadlineView => {
    const d = standing.deadlines[kind];
    const s = standing[kind];
    return {
      kind: d.kind,
      dueOn: d.dueOn,
      dueAt: d.dueAt,
      day: d.day,
      state: s.state,
      daysLeft: s.daysLeft,
      late: s.late,
    };
  };
  return {
    id: i.id,
    reference: i.reference,
    title: i.title,
    kind: i.kind,
    status: i.status,
    awareAt: i.awareAt,
    affectedCount: i.affectedCount,
    reportability: standing.assessment.reportability,
    criteria: standing.assessment.criteria,
    preliminary: deadline('preliminary'),
    final: deadline('final'),
    urgency: standing.urgency,
    discovery: i.discovery,
  };
}

/** The catalogue key a step's one-line summary is worded with. */
function summaryKey(kind: IncidentStepKind, summary: IncidentStepSummary): MessageKey {
  return (summary.event === 'UPDATED' ? 'incidentSummary.UPDATED' : `incidentSummary.${kind}`) as MessageKey;
}

/**
 * A step's summary as one line in `language` ("Preliminary report sent (ref. PPC-123)"): the
 * stored values are codes and counts, worded here with the catalogue's labels.
 */
export function wordIncidentStep(language: Language, kind: IncidentStepKind, summary: IncidentStepSummary): string {
  const s = summary as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(s)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  if (s.kind) params.kind = label(language, 'incidentKind', str(s.kind) as IncidentKind);
  if (s.reportability)
    params.reportability = label(language, 'incidentReportability', str(s.reportability) as IncidentReportability);
  if (s.from) params.from = label(language, 'incidentStatus', str(s.from) as IncidentStatus);
  if (s.to) params.to = label(language, 'incidentStatus', str(s.to) as IncidentStatus);
  if (s.reportKind) params.report = label(language, 'incidentReportKind', str(s.reportKind) as IncidentReportKind);
  if (s.channel) params.channel = label(language, 'incidentNotificationChannel', str(s.channel) as never);
  for (const n of ['affectedCount', 'added', 'removed', 'count']) params[n] ??= 0;
  params.reference ??= '';
  return formatMessage(language, summaryKey(kind, summary), withGroupedCounts(language, params));
}

/** Every number an incident's messages carry is a count of people: written with digit grouping (1,250人). */
function withGroupedCounts(language: Language, params: Readonly<Record<string, string | number>>) {
  const grouped = new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB');
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? grouped.format(v) : v]));
}

/** An incident as the disclosure package shows it to a provider it concerns: steps worded in their language. */
export function presentIncidentForProvider(
  cipher: FieldCipher,
  i: Incident,
  steps: readonly IncidentStep[],
  notifications: readonly IncidentNotification[],
  language: Language,
) {
  return {
    reference: i.reference,
    kind: i.kind,
    status: i.status,
    awareAt: i.awareAt,
    title: i.title,
    measures: cipher.openText(i.measuresSealed, incidentSealContext(i.id, 'measures')),
    notifiedAt: notifications[0]?.sentAt ?? null,
    steps: steps.map((s) => ({ kind: s.kind, at: s.at, summary: wordIncidentStep(language, s.kind, s.summary) })),
  };
}

/** What the incident page is made of (incident.service.ts `view`). */
export interface IncidentParts {
  incident: Incident;
  steps: readonly IncidentStep[];
  notifications: readonly IncidentNotification[];
  standing: IncidentStanding;
  language: Language;
  caller: Caller | null;
}

/** The incident page: its free text opened, steps and reasons worded in the caller's language, the caller's abilities. */
export function presentIncident(cipher: FieldCipher, parts: IncidentParts): IncidentType {
  const { incident: i, standing, language } = parts;
  const open = (field: 'description' | 'measures' | 'causeDetail' | 'dataInvolved' | 'secondaryDamage') =>
    cipher.openText(i[`${field}Sealed`], incidentSealContext(i.id, field));
  const facts = statusFacts(i, standing.assessment, parts.notifications.length);
  const a = standing.assessment;
  return {
    ...presentIncidentSummary(i, standing),
    occurredAt: i.occurredAt,
    cause: i.cause,
    causeDetail: open('causeDetail'),
    wrongfulPurposeSuspected: i.wrongfulPurposeSuspected,
    description: open('description'),
    measures: open('measures'),
    dataInvolved: open('dataInvolved'),
    secondaryDamage: open('secondaryDamage'),
    categories: [...i.categories],
    checklist: {
      sensitiveData: i.sensitiveData,
      financialLossRisk: i.financialLossRisk,
      strongEncryptionKeySafe: i.strongEncryptionKeySafe,
    },
    suggestedChecklist: checklistFromCategories(i.categories),
    affectedCountEstimated: i.affectedCountEstimated,
    entrustedBy: i.entrustedBy,
    assessment: {
      reportability: a.reportability,
      criteria: a.criteria,
      reportTo: a.reportTo,
      notifyProviders: a.notifyProviders,
      encryptionExempt: a.encryptionExempt,
      unanswered: a.unanswered,
      reasons: a.reasons.map((r) => ({
        code: r.code,
        message: formatMessage(language, `incidentReason.${r.code}`, withGroupedCounts(language, r.params)),
        article: r.article,
      })),
    },
    preliminarySentAt: i.preliminarySentAt,
    preliminaryReference: i.preliminaryReference,
    finalSentAt: i.finalSentAt,
    finalReference: i.finalReference,
    steps: parts.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      at: s.at,
      actorRef: s.actor,
      summary: wordIncidentStep(language, s.kind, s.summary),
      note: cipher.openText(s.noteSealed, incidentStepSealContext(s.id)),
      ledgerSequence: s.ledgerSequence,
    })),
    notifications: parts.notifications.map((n) => ({
      id: n.id,
      channel: n.channel,
      sentAt: n.sentAt,
      providersCount: n.providersCount,
      viaMail: n.viaMail,
      note: cipher.openText(n.noteSealed, incidentNotificationSealContext(n.id)),
    })),
    abilities: incidentAbilities(i.status, facts, parts.caller),
    createdByRef: i.createdBy ? `admin:${i.createdBy}` : null,
    createdAt: i.createdAt,
    closedAt: i.closedAt,
    version: i.version,
  };
}

/** The organisation's reporting details for the Commission's form: its Japanese name and address where set, the secretariat's contact. */
function reporter(organisation: Organisation): { name: string; postalAddress: string; contact: string } {
  return {
    name: organisation.nameJa || organisation.name,
    postalAddress: organisation.postalAddressJa || organisation.postalAddress,
    contact: [
      organisation.secretariatNameJa || organisation.secretariatName,
      organisation.telephone && `電話 ${organisation.telephone}`,
      organisation.email,
    ]
      .filter((v) => v && v.trim() !== '')
      .join(' / '),
  };
}

/** The report to the Commission (policy-core commissionReport, Japanese), its free text opened. */
export function presentCommissionReport(
  cipher: FieldCipher,
  i: Incident,
  notifications: readonly IncidentNotification[],
  standing: IncidentStanding,
  organisation: Organisation,
  reportKind: IncidentReportKind,
): CommissionReport {
  const open = (field: 'description' | 'measures' | 'causeDetail' | 'dataInvolved' | 'secondaryDamage') =>
    cipher.openText(i[`${field}Sealed`], incidentSealContext(i.id, field));
  return commissionReport({
    reportKind,
    timeZone: organisation.timeZone,
    organisation: reporter(organisation),
    incident: {
      reference: i.reference,
      title: i.title,
      kind: i.kind,
      occurredAt: i.occurredAt,
      awareAt: i.awareAt,
      discovery: i.discovery,
      cause: i.cause,
      causeDetail: open('causeDetail'),
      wrongfulPurposeSuspected: i.wrongfulPurposeSuspected,
      description: open('description'),
      measures: open('measures'),
      secondaryDamage: open('secondaryDamage'),
      dataInvolved: open('dataInvolved'),
      categories: i.categories,
      affectedCount: i.affectedCount,
      affectedCountEstimated: i.affectedCountEstimated,
      criteria: standing.assessment.criteria,
      entrustedBy: i.entrustedBy,
      notifications: {
        recorded: notifications.length,
        channels: [...new Set(notifications.map((n) => n.channel))],
        publicNotice: notifications.some((n) => n.channel === 'PUBLIC_NOTICE'),
      },
      preliminarySentOn: i.preliminarySentAt ? localIsoDate(i.preliminarySentAt, organisation.timeZone) : null,
    },
  });
}

/** An incident notice's params (kept as the mail's plain JSON): codes, the reference and the day of awareness — nothing personal. */
export function incidentNoticeParams(i: Incident): MailParams {
  return {
    incidentId: i.id,
    reference: i.reference,
    incidentKind: i.kind,
    awareOn: i.awareAt.toISOString(),
    categories: i.categories.join(','),
  };
}

/**
 * What an incident notice seals until it is sent: the provider's address (their EMAIL item) and the
 * measures as the staff wrote them (they may name people, so they never sit in the mail's params).
 */
export function incidentNoticeSecret(cipher: FieldCipher, i: Incident, email: PersonalDataItem): string {
  const secret: ProviderMailSecret = {
    address: cipher.decrypt(email.valueSealed, itemSealContext(email.id, email.category)),
    measures: cipher.openText(i.measuresSealed, incidentSealContext(i.id, 'measures')),
  };
  return JSON.stringify(secret);
}
