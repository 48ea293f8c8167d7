import type { Decision, DecisionReason } from '@steward/policy-core';
import { describe, expect, it } from 'vitest';
import { presentDecision, presentEvidence, presentReason } from './decision.presenter.js';

describe('presentEvidence', () => {
  it('cites, per kind, what finds the record: law and document, contract, meeting and resolution, consent events', () => {
    expect(
      presentEvidence('LAW', {
        statute: 'Code of Criminal Procedure',
        article: 'Art. 197(2)',
        requestingAuthority: 'Tokyo District Public Prosecutors Office',
        documentReference: 'REQ-2026-0042',
        issuedOn: '2026-03-20T00:00:00.000Z',
      }),
    ).toEqual([
      { key: 'statute', label: 'Statute', value: 'Code of Criminal Procedure' },
      { key: 'article', label: 'Article', value: 'Art. 197(2)' },
      { key: 'documentReference', label: 'Document reference', value: 'REQ-2026-0042' },
    ]);
    expect(
      presentEvidence('OUTSOURCING', {
        recipientId: 'r-1',
        contractReference: 'CT-2026-07',
        servesPurposeKey: 'JOURNAL_DELIVERY',
        categories: ['NAME'],
        supervisionRecord: 'Annual audit.',
      }),
    ).toEqual([{ key: 'contractReference', label: 'Contract reference', value: 'CT-2026-07' }]);
    expect(
      presentEvidence('BOARD_APPROVAL', {
        meetingKind: 'GENERAL',
        meetingDate: '2026-03-15T00:00:00.000Z',
        resolutionNumber: 'R-2026-12',
        legitimateReason: 'Safety notice.',
        minutesReference: 'MIN-2026-03',
      }),
    ).toEqual([
      { key: 'meetingKind', label: 'Meeting', value: 'General meeting' },
      { key: 'meetingDate', label: 'Meeting date', value: '2026-03-15' },
      { key: 'resolutionNumber', label: 'Resolution number', value: 'R-2026-12' },
    ]);
    // The meeting kind by its label in the reader's language (policy-core's catalogue).
    expect(presentEvidence('BOARD_APPROVAL', { meetingKind: 'BOARD' }, 'ja')).toEqual([
      { key: 'meetingKind', label: 'Meeting', value: '理事会' },
    ]);
    expect(presentEvidence('PROVIDER_AGREEMENT', { consentEventIds: ['ce-1', 'ce-2'], summary: 'Agreed.' })).toEqual([
      { key: 'consentEventIds', label: 'Consent event', value: 'ce-1' },
      { key: 'consentEventIds', label: 'Consent event', value: 'ce-2' },
    ]);
  });

  it('leaves out what is not recorded', () => {
    expect(presentEvidence('LAW', { statute: 'Tax Act', article: null })).toEqual([
      { key: 'statute', label: 'Statute', value: 'Tax Act' },
    ]);
    expect(presentEvidence('PROVIDER_AGREEMENT', {})).toEqual([]);
  });
});

describe('presentDecision', () => {
  const decision = (basis: Decision['basis']): Decision => ({
    allowed: basis !== null,
    basis,
    permitted: ['NAME'],
    refused: [],
    reasons: [],
    policyVersion: 2,
  });
  const at = new Date('2026-04-01T09:00:00Z');

  it('gives the basis exception its cited evidence, and other bases none', () => {
    const byException = presentDecision(
      {
        decision: decision({ kind: 'EXCEPTION', exceptionId: 'x-1', exceptionKind: 'OUTSOURCING' }),
        decidedAt: at,
        ledgerSequence: 7,
        basisEvidence: { contractReference: 'CT-1', supervisionRecord: 'Audit.' },
        purpose: null,
      },
      'en',
    );
    expect(byException.basis).toEqual({
      kind: 'EXCEPTION',
      exceptionId: 'x-1',
      exceptionKind: 'OUTSOURCING',
      evidence: [{ key: 'contractReference', label: 'Contract reference', value: 'CT-1' }],
    });
    expect(
      presentDecision(
        {
          decision: decision({ kind: 'CONSENT' }),
          decidedAt: at,
          ledgerSequence: 8,
          basisEvidence: null,
          purpose: null,
        },
        'en',
      ).basis,
    ).toEqual({
      kind: 'CONSENT',
      exceptionId: null,
      exceptionKind: null,
      evidence: [],
    });
    expect(
      presentDecision(
        { decision: decision(null), decidedAt: at, ledgerSequence: 9, basisEvidence: null, purpose: null },
        'en',
      ),
    ).toMatchObject({ basis: null, ledgerSequence: 9 });
  });
});

describe('presentReason', () => {
  const reason: DecisionReason = {
    code: 'CATEGORY_NOT_IN_PURPOSE',
    category: 'EMAIL',
    params: { purpose: 'Journal delivery', purposeKey: 'JOURNAL_DELIVERY', category: 'EMAIL' },
    message: 'The purpose "Journal delivery" does not need E-mail address.',
  };
  const purpose = { key: 'JOURNAL_DELIVERY', titles: { en: 'Journal delivery', ja: '学会誌の送付' } };

  it('words the reason in the language asked, naming the purpose by its title in that language', () => {
    const ja = presentReason(reason, 'ja', purpose);
    expect(ja.message).toBe('利用目的「学会誌の送付」にメールアドレスは必要ありません。');
    expect(ja.params).toEqual([
      { name: 'purpose', value: '学会誌の送付' },
      { name: 'purposeKey', value: 'JOURNAL_DELIVERY' },
      { name: 'category', value: 'EMAIL' },
    ]);
    expect(presentReason(reason, 'en', purpose).message).toBe(reason.message);
    // Another purpose's reason, or a purpose without a Japanese title, keeps the name it was given.
    expect(presentReason(reason, 'ja', { ...purpose, key: 'OTHER' }).message).toContain('「Journal delivery」');
    expect(presentReason(reason, 'ja', { ...purpose, titles: { en: 'x', ja: ' ' } }).message).toContain(
      '「Journal delivery」',
    );
  });
});
