import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES } from '../vocabulary/roles.js';
import { commissionReport } from './commission-report.js';
import {
  allowedIncidentStatuses,
  incidentAbilities,
  validateIncidentStatusChange,
  type IncidentStatusFacts,
} from './incident-status.js';
import { INCIDENT_REPORTABILITIES, INCIDENT_STATUSES } from './incident-vocabulary.js';

const reportable: IncidentStatusFacts = {
  reportability: 'REPORTABLE',
  reportTo: 'COMMISSION',
  notifyProviders: true,
  preliminarySent: false,
  finalSent: false,
  notificationsRecorded: 0,
};
const notReportable: IncidentStatusFacts = {
  ...reportable,
  reportability: 'NOT_REPORTABLE',
  reportTo: null,
  notifyProviders: false,
};
const fields = (v: ReturnType<typeof validateIncidentStatusChange>) =>
  v.ok ? [] : v.issues.map((i) => `${i.field}:${i.code}`);

describe('validateIncidentStatusChange', () => {
  it('walks the reportable path with its evidence', () => {
    expect(validateIncidentStatusChange('OPEN', 'ASSESSING', reportable).ok).toBe(true);
    expect(fields(validateIncidentStatusChange('ASSESSING', 'PRELIMINARY_REPORTED', reportable))).toEqual([
      'report:REQUIRED',
    ]);
    const sent = { ...reportable, preliminarySent: true };
    expect(validateIncidentStatusChange('ASSESSING', 'PRELIMINARY_REPORTED', sent).ok).toBe(true);
    expect(fields(validateIncidentStatusChange('PRELIMINARY_REPORTED', 'FINAL_REPORTED', sent))).toEqual([
      'report:REQUIRED',
    ]);
    const final = { ...sent, finalSent: true };
    expect(validateIncidentStatusChange('PRELIMINARY_REPORTED', 'FINAL_REPORTED', final).ok).toBe(true);
    expect(fields(validateIncidentStatusChange('FINAL_REPORTED', 'CLOSED', final))).toEqual(['notifications:REQUIRED']);
    expect(validateIncidentStatusChange('FINAL_REPORTED', 'CLOSED', { ...final, notificationsRecorded: 1 }).ok).toBe(
      true,
    );
  });

  it('refuses skipping steps and unknown statuses', () => {
    expect(fields(validateIncidentStatusChange('OPEN', 'CLOSED', notReportable))).toEqual([
      'status:INVALID_TRANSITION',
    ]);
    expect(fields(validateIncidentStatusChange('OPEN', 'FINAL_REPORTED', reportable))).toEqual([
      'status:INVALID_TRANSITION',
    ]);
    expect(fields(validateIncidentStatusChange('OPEN', 'OPEN', reportable))).toEqual(['status:NO_CHANGE']);
    expect(fields(validateIncidentStatusChange('OPEN', 'NOPE' as never, reportable))).toEqual(['status:INVALID_VALUE']);
  });

  it('closes after assessment only when not reportable', () => {
    expect(validateIncidentStatusChange('ASSESSING', 'CLOSED', notReportable).ok).toBe(true);
    expect(fields(validateIncidentStatusChange('ASSESSING', 'CLOSED', reportable))).toEqual([
      'assessment:INVALID_TRANSITION',
    ]);
    expect(
      fields(validateIncidentStatusChange('ASSESSING', 'CLOSED', { ...notReportable, reportability: 'UNDETERMINED' })),
    ).toEqual(['assessment:INVALID_TRANSITION']);
    expect(
      fields(
        validateIncidentStatusChange('ASSESSING', 'PRELIMINARY_REPORTED', { ...notReportable, preliminarySent: true }),
      ),
    ).toEqual(['assessment:INVALID_TRANSITION']);
  });

  it('a contractor closes after its one notice to the entrusting organisation', () => {
    const contractor = {
      ...reportable,
      reportTo: 'ENTRUSTING_ORGANISATION',
      notifyProviders: false,
      preliminarySent: true,
    } as const;
    expect(validateIncidentStatusChange('PRELIMINARY_REPORTED', 'CLOSED', contractor).ok).toBe(true);
    expect(
      fields(validateIncidentStatusChange('PRELIMINARY_REPORTED', 'CLOSED', { ...contractor, reportTo: 'COMMISSION' })),
    ).toContain('report:REQUIRED');
  });

  it('reopens a closed incident for assessment', () => {
    expect(validateIncidentStatusChange('CLOSED', 'ASSESSING', notReportable).ok).toBe(true);
  });
});

describe('incidentAbilities', () => {
  it('viewers (and nobody) only read', () => {
    expect(incidentAbilities('ASSESSING', reportable, { userId: 'v', role: 'VIEWER' })).toEqual({
      edit: false,
      reports: [],
      notify: false,
      note: false,
      nextStatuses: [],
    });
    expect(incidentAbilities('ASSESSING', reportable, null).nextStatuses).toEqual([]);
  });

  it('offers the preliminary report while assessing, the final after it', () => {
    const officer = { userId: 'o', role: 'PRIVACY_OFFICER' } as const;
    expect(incidentAbilities('ASSESSING', reportable, officer).reports).toEqual(['PRELIMINARY']);
    expect(
      incidentAbilities('PRELIMINARY_REPORTED', { ...reportable, preliminarySent: true }, officer).reports,
    ).toEqual(['FINAL']);
    expect(incidentAbilities('ASSESSING', notReportable, officer).reports).toEqual([]);
    expect(incidentAbilities('CLOSED', reportable, officer).edit).toBe(false);
  });

  it('property: every status offered passes validation, for every role, status and facts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INCIDENT_STATUSES),
        fc.constantFrom(...ADMIN_ROLES),
        fc.record({
          reportability: fc.constantFrom(...INCIDENT_REPORTABILITIES),
          reportTo: fc.constantFrom('COMMISSION', 'ENTRUSTING_ORGANISATION', null),
          notifyProviders: fc.boolean(),
          preliminarySent: fc.boolean(),
          finalSent: fc.boolean(),
          notificationsRecorded: fc.nat({ max: 3 }),
        }),
        (status, role, facts) => {
          const a = incidentAbilities(status, facts as IncidentStatusFacts, { userId: 'u', role });
          for (const to of a.nextStatuses) {
            expect(allowedIncidentStatuses(status)).toContain(to);
            expect(validateIncidentStatusChange(status, to, facts as IncidentStatusFacts).ok).toBe(true);
          }
          if (role === 'VIEWER') expect(a.nextStatuses).toEqual([]);
        },
      ),
    );
  });
});

describe('commissionReport', () => {
  it('gives the nine items of Rules Art. 8(1) in Japanese, what is unknown marked', () => {
    const r = commissionReport({
      reportKind: 'PRELIMINARY',
      timeZone: 'Asia/Tokyo',
      organisation: { name: '公益社団法人 精密工学会', postalAddress: '東京都', contact: '03-0000-0000' },
      incident: {
        reference: 'INC-2027-0001',
        title: '会員名簿の誤送信',
        kind: 'LEAK',
        occurredAt: null,
        awareAt: new Date('2027-03-01T01:00:00Z'),
        discovery: 'STAFF',
        cause: 'MISDELIVERY',
        causeDetail: null,
        wrongfulPurposeSuspected: false,
        description: '会員1,200名の氏名と住所を含むファイルを誤送信した。',
        measures: null,
        secondaryDamage: null,
        dataInvolved: null,
        categories: ['NAME', 'POSTAL_ADDRESS'],
        affectedCount: 1200,
        affectedCountEstimated: false,
        criteria: ['OVER_1000_PEOPLE'],
        entrustedBy: null,
        notifications: { recorded: 0, channels: [], publicNotice: false },
        preliminarySentOn: null,
      },
    });
    expect(r.title).toBe('個人データの漏えい等の報告（速報）');
    const items = r.sections.filter((s) => s.article.startsWith('規則第8条第1項'));
    expect(items.map((s) => s.article)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `規則第8条第1項第${n}号`));
    const all = r.sections.flatMap((s) => s.fields);
    expect(all.find((f) => f.label === '発覚日')?.value).toBe('2027-03-01');
    expect(all.find((f) => f.label === '発生日')?.value).toBe('不明');
    expect(all.find((f) => f.label === '本人の数')?.value).toBe('1,200人');
    expect(all.find((f) => f.label === '本システムで管理する項目')?.value).toBe('氏名、住所');
    expect(all.find((f) => f.label === '該当する号')?.value).toContain('千人を超える');
    expect(all.find((f) => f.label === '講じた措置・講じる予定の措置')?.value).toBe('（未記入）');
  });
});
