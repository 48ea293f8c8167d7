import {
  label,
  type IncidentCriterion,
  type IncidentDeadlineState,
  type IncidentDiscovery,
  type IncidentKind,
  type IncidentReportKind,
  type IncidentReportability,
  type IncidentStatus,
  type IncidentStepKind,
  type Language,
  type MessageKey,
} from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { formatMessage } from '../i18n/messages.js';
import type { IncidentStanding } from './incident-facts.js';
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
  return formatMessage(language, summaryKey(kind, summary), params);
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
