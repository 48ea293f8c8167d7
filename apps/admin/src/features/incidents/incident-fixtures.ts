import type {
  IncidentDeadlineFieldsFragment,
  IncidentFieldsFragment,
  IncidentReportQuery,
  IncidentSummaryFieldsFragment,
} from '@steward/schema';

// Factories with overrides (STYLE.md), typed by the generated operation types.

export function buildDeadline(overrides: Partial<IncidentDeadlineFieldsFragment> = {}): IncidentDeadlineFieldsFragment {
  const kind = overrides.kind ?? 'PRELIMINARY';
  return {
    kind,
    dueOn: kind === 'PRELIMINARY' ? '2026-12-05' : '2026-12-30',
    dueAt: kind === 'PRELIMINARY' ? '2026-12-05T14:59:59.999Z' : '2026-12-30T14:59:59.999Z',
    day: kind === 'PRELIMINARY' ? 5 : 30,
    state: 'ON_TRACK',
    daysLeft: kind === 'PRELIMINARY' ? 4 : 29,
    late: false,
    ...overrides,
  };
}

export function buildIncidentSummary(
  overrides: Partial<IncidentSummaryFieldsFragment> = {},
): IncidentSummaryFieldsFragment {
  return {
    id: 'inc-1',
    reference: 'INC-2026-0001',
    title: 'Member list sent to the wrong address',
    kind: 'LEAK',
    status: 'ASSESSING',
    awareAt: '2026-12-01T01:00:00Z',
    affectedCount: 1200,
    reportability: 'REPORTABLE',
    criteria: ['OVER_1000_PEOPLE'],
    discovery: 'STAFF',
    urgency: 'ON_TRACK',
    preliminary: buildDeadline(),
    final: buildDeadline({ kind: 'FINAL' }),
    ...overrides,
  };
}

const officer = { ref: 'admin:u1', kind: 'STAFF' as const, name: 'Officer Suzuki', role: 'PRIVACY_OFFICER' as const };

export function buildIncident(overrides: Partial<IncidentFieldsFragment> = {}): IncidentFieldsFragment {
  return {
    ...buildIncidentSummary(),
    occurredAt: null,
    cause: 'MISDELIVERY',
    causeDetail: 'The envelope was addressed from an old list.',
    wrongfulPurposeSuspected: false,
    description: 'The member list went to a former contractor.',
    measures: null,
    dataInvolved: 'Names and postal addresses',
    secondaryDamage: null,
    categories: ['NAME', 'POSTAL_ADDRESS'],
    affectedCountEstimated: false,
    entrustedBy: null,
    version: 3,
    checklist: { sensitiveData: false, financialLossRisk: false, strongEncryptionKeySafe: null },
    suggestedChecklist: { sensitiveData: false, financialLossRisk: false, strongEncryptionKeySafe: null },
    assessment: {
      reportability: 'REPORTABLE',
      criteria: ['OVER_1000_PEOPLE'],
      reportTo: 'COMMISSION',
      notifyProviders: true,
      encryptionExempt: false,
      unanswered: ['STRONG_ENCRYPTION_KEY_SAFE'],
      reasons: [
        {
          code: 'CRITERION_OVER_1000_PEOPLE',
          message: '1200 people are affected: more than 1000.',
          article: 'APPI Rules Art. 7(iv)',
        },
        {
          code: 'REPORT_TO_COMMISSION',
          message: 'Report to the Personal Information Protection Commission.',
          article: 'APPI Art. 26(1); Rules Art. 8',
        },
      ],
    },
    preliminarySentAt: null,
    preliminaryReference: null,
    finalSentAt: null,
    finalReference: null,
    steps: [
      {
        id: 's1',
        kind: 'OPENED',
        at: '2026-12-01T02:00:00Z',
        actor: officer,
        summary: 'Incident recorded',
        note: null,
        ledgerSequence: 41,
      },
      {
        id: 's2',
        kind: 'STATUS_CHANGED',
        at: '2026-12-01T03:00:00Z',
        actor: officer,
        summary: 'Status changed from Open to Assessing',
        note: 'Started the assessment.',
        ledgerSequence: 42,
      },
    ],
    notifications: [],
    abilities: { edit: true, reports: ['PRELIMINARY'], notify: true, note: true, nextStatuses: [] },
    createdBy: officer,
    createdAt: '2026-12-01T02:00:00Z',
    closedAt: null,
    ...overrides,
  };
}

/** What a viewer (or anyone without write access) may do: nothing. */
export const NO_ABILITIES: IncidentFieldsFragment['abilities'] = {
  edit: false,
  reports: [],
  notify: false,
  note: false,
  nextStatuses: [],
};

export const REPORT: IncidentReportQuery = {
  incident: {
    id: 'inc-1',
    reference: 'INC-2026-0001',
    title: 'Member list sent to the wrong address',
    report: {
      title: '個人データの漏えい等の報告（速報）',
      sections: [
        {
          key: 'reporter',
          heading: '報告者',
          article: '規則第8条第1項',
          fields: [{ label: '名称', value: '精密工学会' }],
        },
        {
          key: 'summary',
          heading: '概要',
          article: '規則第8条第1項第1号',
          fields: [
            { label: '発覚日', value: '2026-12-01' },
            { label: '事案の概要', value: '（未記入）' },
          ],
        },
      ],
    },
  },
};
