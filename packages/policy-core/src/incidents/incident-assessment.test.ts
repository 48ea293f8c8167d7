import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages/catalogue.js';
import { DATA_CATEGORIES } from '../vocabulary/data-categories.js';
import {
  assessIncident,
  checklistFromCategories,
  type IncidentChecklist,
  type IncidentFacts,
} from './incident-assessment.js';
import { INCIDENT_KINDS } from './incident-vocabulary.js';

const no: IncidentChecklist = { sensitiveData: false, financialLossRisk: false, strongEncryptionKeySafe: false };
const base: IncidentFacts = {
  kind: 'LEAK',
  checklist: no,
  wrongfulPurposeSuspected: false,
  affectedCount: 10,
  entrustedBy: null,
};
const codes = (f: IncidentFacts) => assessIncident(f).reasons.map((r) => r.code);

describe('assessIncident: each criterion of Rules Art. 7 alone', () => {
  it('none holds: not reportable, and says so', () => {
    const a = assessIncident(base);
    expect(a.reportability).toBe('NOT_REPORTABLE');
    expect(a.criteria).toEqual([]);
    expect(a.notifyProviders).toBe(false);
    expect(a.reportTo).toBeNull();
    expect(codes(base)).toEqual(['AT_MOST_1000_PEOPLE', 'NO_CRITERION']);
  });

  it.each([
    ['sensitive data (7(i))', { ...base, checklist: { ...no, sensitiveData: true } }, 'SENSITIVE_DATA'],
    ['financial loss risk (7(ii))', { ...base, checklist: { ...no, financialLossRisk: true } }, 'FINANCIAL_LOSS_RISK'],
    ['wrongful purpose (7(iii))', { ...base, wrongfulPurposeSuspected: true }, 'WRONGFUL_PURPOSE'],
    ['more than 1,000 people (7(iv))', { ...base, affectedCount: 1001 }, 'OVER_1000_PEOPLE'],
  ] as const)('%s alone makes it reportable, to the Commission, with the providers notified', (_, facts, criterion) => {
    const a = assessIncident(facts);
    expect(a.reportability).toBe('REPORTABLE');
    expect(a.criteria).toEqual([criterion]);
    expect(a.reportTo).toBe('COMMISSION');
    expect(a.notifyProviders).toBe(true);
    expect(a.reasons.map((r) => r.code)).toContain(`CRITERION_${criterion}`);
    expect(a.reasons.find((r) => r.code === `CRITERION_${criterion}`)?.article).toMatch(/Rules Art\. 7\(i{1,3}v?\)/);
  });

  it('a single person is enough for the first three criteria', () => {
    for (const facts of [
      { ...base, affectedCount: 1, checklist: { ...no, sensitiveData: true } },
      { ...base, affectedCount: 1, checklist: { ...no, financialLossRisk: true } },
      { ...base, affectedCount: 1, wrongfulPurposeSuspected: true },
    ])
      expect(assessIncident(facts).reportability).toBe('REPORTABLE');
  });
});

describe('the 1,000-person boundary', () => {
  it.each([
    [999, 'NOT_REPORTABLE'],
    [1000, 'NOT_REPORTABLE'],
    [1001, 'REPORTABLE'],
    [1200, 'REPORTABLE'],
  ] as const)('%i people: %s', (count, expected) => {
    const a = assessIncident({ ...base, affectedCount: count });
    expect(a.reportability).toBe(expected);
    const r = a.reasons.find((x) => x.code.endsWith('1000_PEOPLE'));
    expect(r?.params).toEqual({ count, threshold: 1000 });
    expect(r?.message).toContain(String(count));
  });
});

describe('all criteria together', () => {
  it('lists every one that holds, in the order of Art. 7', () => {
    const a = assessIncident({
      ...base,
      affectedCount: 5000,
      wrongfulPurposeSuspected: true,
      checklist: { sensitiveData: true, financialLossRisk: true, strongEncryptionKeySafe: false },
    });
    expect(a.criteria).toEqual(['SENSITIVE_DATA', 'FINANCIAL_LOSS_RISK', 'WRONGFUL_PURPOSE', 'OVER_1000_PEOPLE']);
  });
});

describe('the encryption exemption (Rules Art. 7(i) parenthesis)', () => {
  it('exempts whatever else holds', () => {
    const a = assessIncident({
      ...base,
      affectedCount: 50_000,
      wrongfulPurposeSuspected: true,
      checklist: { sensitiveData: true, financialLossRisk: true, strongEncryptionKeySafe: true },
    });
    expect(a.reportability).toBe('NOT_REPORTABLE');
    expect(a.encryptionExempt).toBe(true);
    expect(a.criteria).toEqual([]);
    expect(a.notifyProviders).toBe(false);
    expect(a.reasons.map((r) => r.code)).toContain('ENCRYPTED_KEY_SAFE');
  });

  it('is not assumed when unanswered: reportable, with the question open', () => {
    const a = assessIncident({ ...base, affectedCount: 2000, checklist: { ...no, strongEncryptionKeySafe: null } });
    expect(a.reportability).toBe('REPORTABLE');
    expect(a.unanswered).toEqual(['strongEncryptionKeySafe']);
    expect(a.reasons.map((r) => r.code)).toContain('ENCRYPTION_UNANSWERED');
  });
});

describe('unanswered questions', () => {
  it('with no criterion holding, an open question leaves it undetermined', () => {
    const a = assessIncident({ ...base, checklist: { ...no, sensitiveData: null } });
    expect(a.reportability).toBe('UNDETERMINED');
    expect(a.unanswered).toEqual(['sensitiveData']);
    expect(a.reasons.filter((r) => r.code === 'QUESTION_UNANSWERED').map((r) => r.params.question)).toEqual([
      'sensitiveData',
    ]);
  });

  it('a criterion that holds decides it whatever is still open', () => {
    expect(
      assessIncident({ ...base, wrongfulPurposeSuspected: true, checklist: { ...no, sensitiveData: null } })
        .reportability,
    ).toBe('REPORTABLE');
  });
});

describe('a contractor (委託先)', () => {
  it('notifies the organisation that entrusted it instead, and need not notify the providers itself', () => {
    const a = assessIncident({ ...base, affectedCount: 3000, entrustedBy: '株式会社サンプル' });
    expect(a.reportability).toBe('REPORTABLE');
    expect(a.reportTo).toBe('ENTRUSTING_ORGANISATION');
    expect(a.notifyProviders).toBe(false);
    const r = a.reasons.find((x) => x.code === 'REPORT_TO_ENTRUSTING_ORGANISATION');
    expect(r?.params.organisation).toBe('株式会社サンプル');
  });
});

describe('falsification', () => {
  it('is assessed as damage, and says so', () => {
    const a = assessIncident({ ...base, kind: 'FALSIFICATION', affectedCount: 1001 });
    expect(a.reportability).toBe('REPORTABLE');
    expect(a.reasons[0]?.code).toBe('FALSIFICATION_IS_DAMAGE');
  });
});

describe('properties', () => {
  const checklist = fc.record({
    sensitiveData: fc.constantFrom(true, false, null),
    financialLossRisk: fc.constantFrom(true, false, null),
    strongEncryptionKeySafe: fc.constantFrom(true, false, null),
  });
  const facts = fc.record({
    kind: fc.constantFrom(...INCIDENT_KINDS),
    checklist,
    wrongfulPurposeSuspected: fc.boolean(),
    affectedCount: fc.nat({ max: 1_000_000 }),
    entrustedBy: fc.constantFrom(null, 'Org'),
  });

  it('reportable exactly when not exempt and some criterion holds; the reasons name each criterion', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const a = assessIncident(f);
        const exempt = f.checklist.strongEncryptionKeySafe === true;
        const any =
          f.checklist.sensitiveData === true ||
          f.checklist.financialLossRisk === true ||
          f.wrongfulPurposeSuspected ||
          f.affectedCount > 1000;
        expect(a.reportability === 'REPORTABLE').toBe(!exempt && any);
        for (const c of a.criteria) expect(a.reasons.map((r) => r.code)).toContain(`CRITERION_${c}`);
        // Providers are notified only when reportable, and never by a contractor.
        expect(a.notifyProviders).toBe(a.reportability === 'REPORTABLE' && f.entrustedBy === null);
        // Every reason reads in both languages.
        for (const r of a.reasons) {
          expect(messages.ja[`incidentReason.${r.code}`]).toBeTruthy();
          expect(r.message).not.toMatch(/\{/);
        }
      }),
    );
  });

  it('adding a criterion never makes a reportable incident unreportable (monotone)', () => {
    fc.assert(
      fc.property(facts, fc.nat({ max: 5000 }), (f, more) => {
        const before = assessIncident(f).reportability;
        const after = assessIncident({
          ...f,
          affectedCount: f.affectedCount + more,
          wrongfulPurposeSuspected: true,
        }).reportability;
        if (before === 'REPORTABLE') expect(after).toBe('REPORTABLE');
      }),
    );
  });
});

describe('checklistFromCategories', () => {
  it("answers 'no' for Steward's own categories and never pre-fills encryption", () => {
    expect(checklistFromCategories(['NAME', 'POSTAL_ADDRESS'])).toEqual({
      sensitiveData: false,
      financialLossRisk: false,
      strongEncryptionKeySafe: null,
    });
    expect(checklistFromCategories([...DATA_CATEGORIES]).sensitiveData).toBe(false);
  });
  it('leaves everything open when no category is involved', () => {
    expect(checklistFromCategories([])).toEqual({
      sensitiveData: null,
      financialLossRisk: null,
      strongEncryptionKeySafe: null,
    });
  });
});
