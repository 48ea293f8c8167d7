import {
  assessIncident,
  incidentDeadlineStatus,
  incidentDeadlines,
  mostUrgentDeadlineState,
  type IncidentAssessment,
  type IncidentDeadlineState,
  type IncidentDeadlineStatus,
  type IncidentDeadlines,
  type IncidentFacts,
  type IncidentStatusFacts,
} from '@steward/policy-core';
import type { Incident } from './incident.entity.js';

// What policy-core decides an incident on, read off its row: one mapping for the service (which
// checks a status change) and the presenter (which shows the assessment, deadlines and abilities).

export function incidentFacts(i: Incident): IncidentFacts {
  return {
    kind: i.kind,
    checklist: {
      sensitiveData: i.sensitiveData,
      financialLossRisk: i.financialLossRisk,
      strongEncryptionKeySafe: i.strongEncryptionKeySafe,
    },
    wrongfulPurposeSuspected: i.wrongfulPurposeSuspected,
    affectedCount: i.affectedCount,
    entrustedBy: i.entrustedBy,
  };
}

export function statusFacts(i: Incident, assessment: IncidentAssessment, notifications: number): IncidentStatusFacts {
  return {
    reportability: assessment.reportability,
    reportTo: assessment.reportTo,
    notifyProviders: assessment.notifyProviders,
    preliminarySent: i.preliminarySentAt !== null,
    finalSent: i.finalSentAt !== null,
    notificationsRecorded: notifications,
  };
}

/** An incident's assessment and where its two deadlines stand at `now`, in the organisation's zone. */
export interface IncidentStanding {
  assessment: IncidentAssessment;
  deadlines: IncidentDeadlines;
  preliminary: IncidentDeadlineStatus;
  final: IncidentDeadlineStatus;
  urgency: IncidentDeadlineState;
}

export function incidentStanding(i: Incident, timeZone: string, now: Date): IncidentStanding {
  const assessment = assessIncident(incidentFacts(i));
  const deadlines = incidentDeadlines(i.awareAt, timeZone, i.wrongfulPurposeSuspected);
  // UNDETERMINED counts as required: the clock runs while the staff find out.
  const states = incidentDeadlineStatus(
    deadlines,
    {
      status: i.status,
      reportsRequired: assessment.reportability !== 'NOT_REPORTABLE',
      preliminarySentAt: i.preliminarySentAt,
      finalSentAt: i.finalSentAt,
    },
    now,
    timeZone,
  );
  return {
    assessment,
    deadlines,
    ...states,
    urgency: mostUrgentDeadlineState([states.preliminary.state, states.final.state]),
  };
}
