import { describe, expect, it } from 'vitest';
import type { PurposeFact } from '../use/may-use-for-purpose.js';
import { EXCEPTION_KIND_INFO, EXCEPTION_KINDS, type ExceptionKind } from '../vocabulary/exceptions.js';
import {
  agreementIssues,
  missingEvidence,
  type AgreementEventFact,
  type ExceptionEvidenceByKind,
  type PermittedExceptionDraft,
} from './exception-evidence.js';

const COMPLETE: ExceptionEvidenceByKind = {
  LAW: {
    statute: 'Code of Criminal Procedure',
    article: 'Art. 197(2)',
    requestingAuthority: 'Tokyo District Public Prosecutors Office',
    documentReference: 'REQ-2025-0042',
    issuedOn: new Date('2025-05-01T00:00:00Z'),
  },
  PROVIDER_AGREEMENT: {
    consentEventIds: ['ce-1', 'ce-2'],
    summary: 'Member agreed to share affiliation with the co-host.',
  },
  OUTSOURCING: {
    recipientId: 'courier',
    contractReference: 'CT-2025-07',
    servesPurposeKey: 'JOURNAL_DELIVERY',
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
    supervisionRecord: 'Data-handling agreement signed 2025-03-01; annual audit.',
  },
  BOARD_APPROVAL: {
    meetingKind: 'BOARD',
    meetingDate: new Date('2025-04-20T00:00:00Z'),
    resolutionNumber: 'R-2025-12',
    legitimateReason: 'Safety notice after a venue incident.',
    minutesReference: 'MIN-2025-04',
  },
};

const purposes: PurposeFact[] = [
  { key: 'JOURNAL_DELIVERY', categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'], retired: false },
  { key: 'OLD_MAILING', categories: ['NAME', 'POSTAL_ADDRESS'], retired: true },
];

function without(kind: ExceptionKind, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...COMPLETE[kind] };
  delete copy[key];
  return copy;
}

describe('missingEvidence', () => {
  it('accepts complete evidence of every kind', () => {
    for (const kind of EXCEPTION_KINDS) expect(missingEvidence(kind, COMPLETE[kind], purposes)).toEqual([]);
  });

  it('names every required key of every kind when it is missing', () => {
    for (const kind of EXCEPTION_KINDS) {
      for (const key of EXCEPTION_KIND_INFO[kind].requiredEvidence) {
        expect(Object.keys(COMPLETE[kind])).toContain(key);
        const issues = missingEvidence(kind, without(kind, key) as never);
        expect(issues, `${kind}.${key}`).toEqual([
          { field: `evidence.${key}`, code: 'REQUIRED', message: expect.any(String) },
        ]);
      }
    }
  });

  it('reports every key, in requiredEvidence order, for missing evidence', () => {
    for (const kind of EXCEPTION_KINDS) {
      const fields = missingEvidence(kind, null).map((i) => i.field);
      expect(fields).toEqual(EXCEPTION_KIND_INFO[kind].requiredEvidence.map((k) => `evidence.${k}`));
      expect(missingEvidence(kind, {}).map((i) => i.field)).toEqual(fields);
    }
  });

  it('treats blank text and empty lists as missing', () => {
    expect(missingEvidence('LAW', { ...COMPLETE.LAW, statute: '   ' })).toEqual([
      { field: 'evidence.statute', code: 'REQUIRED', message: 'A value is required.' },
    ]);
    expect(
      missingEvidence('PROVIDER_AGREEMENT', { ...COMPLETE.PROVIDER_AGREEMENT, consentEventIds: [] })[0],
    ).toMatchObject({
      field: 'evidence.consentEventIds',
      code: 'REQUIRED',
    });
    expect(missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, categories: [] })[0]).toMatchObject({
      field: 'evidence.categories',
      code: 'REQUIRED',
    });
  });

  it('rejects invalid dates and meeting kinds', () => {
    expect(missingEvidence('LAW', { ...COMPLETE.LAW, issuedOn: new Date('nope') })).toEqual([
      { field: 'evidence.issuedOn', code: 'INVALID_VALUE', message: 'Must be a valid date.' },
    ]);
    expect(
      missingEvidence('BOARD_APPROVAL', { ...COMPLETE.BOARD_APPROVAL, meetingDate: '2025-04-20' as never })[0],
    ).toMatchObject({
      field: 'evidence.meetingDate',
      code: 'INVALID_VALUE',
    });
    expect(
      missingEvidence('BOARD_APPROVAL', { ...COMPLETE.BOARD_APPROVAL, meetingKind: 'COMMITTEE' as never })[0],
    ).toMatchObject({
      field: 'evidence.meetingKind',
      code: 'INVALID_VALUE',
    });
    expect(missingEvidence('BOARD_APPROVAL', { ...COMPLETE.BOARD_APPROVAL, meetingKind: 'GENERAL' })).toEqual([]);
  });

  it('reuses the text checks and FIELD_LIMITS', () => {
    expect(missingEvidence('LAW', { ...COMPLETE.LAW, documentReference: 'x'.repeat(65) })[0]).toMatchObject({
      field: 'evidence.documentReference',
      code: 'TOO_LONG',
    });
    expect(missingEvidence('LAW', { ...COMPLETE.LAW, article: 'Art.\u202E7' })[0]).toMatchObject({
      field: 'evidence.article',
      code: 'CONTROL_CHARACTERS',
    });
    // Reasons and summaries may span lines; references may not.
    expect(missingEvidence('BOARD_APPROVAL', { ...COMPLETE.BOARD_APPROVAL, legitimateReason: 'a\nb' })).toEqual([]);
    expect(missingEvidence('BOARD_APPROVAL', { ...COMPLETE.BOARD_APPROVAL, minutesReference: 'a\nb' })[0]?.code).toBe(
      'CONTROL_CHARACTERS',
    );
    expect(missingEvidence('LAW', { ...COMPLETE.LAW, statute: 42 as never })[0]).toMatchObject({
      code: 'INVALID_VALUE',
    });
  });

  it('checks list items: ids, known categories, duplicates', () => {
    expect(
      missingEvidence('PROVIDER_AGREEMENT', { ...COMPLETE.PROVIDER_AGREEMENT, consentEventIds: ['ce-1', '', 'ce-1'] }),
    ).toEqual([
      { field: 'evidence.consentEventIds[1]', code: 'REQUIRED', message: 'A value is required.' },
      { field: 'evidence.consentEventIds[2]', code: 'DUPLICATE', message: '"ce-1" is listed twice.' },
    ]);
    expect(
      missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, categories: ['NAME', 'SHOE_SIZE' as never, 'NAME'] }),
    ).toEqual([
      { field: 'evidence.categories[1]', code: 'INVALID_VALUE', message: 'Unknown data category "SHOE_SIZE".' },
      { field: 'evidence.categories[2]', code: 'DUPLICATE', message: '"NAME" is listed twice.' },
    ]);
    expect(missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, categories: 'NAME' as never })[0]?.code).toBe(
      'INVALID_VALUE',
    );
  });

  it('with purposes, keeps outsourcing within a known, active served purpose', () => {
    expect(
      missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, categories: ['NAME', 'EMAIL'] }, purposes),
    ).toEqual([
      {
        field: 'evidence.categories[1]',
        code: 'CATEGORY_NOT_NEEDED',
        message: 'Purpose "JOURNAL_DELIVERY" does not need EMAIL.',
      },
    ]);
    // Without purposes the subset check cannot run.
    expect(missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, categories: ['NAME', 'EMAIL'] })).toEqual([]);
    expect(missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, servesPurposeKey: 'NOPE' }, purposes)).toEqual([
      { field: 'evidence.servesPurposeKey', code: 'UNKNOWN_PURPOSE', message: 'No stated purpose "NOPE".' },
    ]);
    expect(
      missingEvidence(
        'OUTSOURCING',
        { ...COMPLETE.OUTSOURCING, servesPurposeKey: 'OLD_MAILING', categories: ['NAME'] },
        purposes,
      ),
    ).toEqual([
      { field: 'evidence.servesPurposeKey', code: 'RETIRED_PURPOSE', message: 'Purpose "OLD_MAILING" is retired.' },
    ]);
  });
});

describe('agreementIssues', () => {
  function agreement(consentEventIds: unknown, providerIds: string[] | 'ALL' = ['p1', 'p2']): PermittedExceptionDraft {
    return {
      id: 'x-agreement',
      kind: 'PROVIDER_AGREEMENT',
      evidence: {
        consentEventIds: consentEventIds as string[],
        summary: 'Agreed to share their affiliation with the co-host.',
      },
      scope: { purposeKeys: ['CO_HOSTED_EVENT'], categories: ['AFFILIATION'], providerIds, recipientId: 'co-host' },
      validFrom: new Date('2025-04-01T00:00:00Z'),
      validUntil: null,
      status: 'DRAFT',
      authorId: 'alice',
      approvedById: null,
      approvedAt: null,
      revokedAt: null,
    };
  }
  const event = (
    id: string,
    providerId: string,
    action: AgreementEventFact['action'] = 'GRANT',
  ): AgreementEventFact => ({
    id,
    providerId,
    purposeKey: 'BUSINESS_LIAISON',
    action,
  });
  const fields = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

  it('accepts a grant cited for every provider the scope names (any stated purpose)', () => {
    expect(
      agreementIssues(agreement(['ce-1', 'ce-2', 'ce-3']), [
        event('ce-1', 'p1'),
        event('ce-2', 'p2'),
        event('ce-3', 'p2'),
      ]),
    ).toEqual([]);
  });

  it('refuses unknown events, events that are no grant, and grants by providers outside the scope, by position', () => {
    const issues = agreementIssues(agreement(['ce-1', 'ce-404', 'ce-refuse', 'ce-withdraw', 'ce-other', 'ce-2']), [
      event('ce-1', 'p1'),
      event('ce-refuse', 'p2', 'REFUSE'),
      event('ce-withdraw', 'p2', 'WITHDRAW'),
      event('ce-other', 'p9'),
      event('ce-2', 'p2'),
    ]);
    expect(fields(issues)).toEqual([
      'evidence.consentEventIds[1]:INVALID_VALUE',
      'evidence.consentEventIds[2]:NOT_GRANTED',
      'evidence.consentEventIds[3]:NOT_GRANTED',
      'evidence.consentEventIds[4]:SCOPE_MISMATCH',
    ]);
    expect(issues[1]!.message).toBe('Consent event "ce-refuse" records a REFUSE, not an agreement: cite a GRANT.');
    expect(issues[3]!.message).toBe(
      'Consent event "ce-other" was given by provider "p9", whom the scope does not name.',
    );
  });

  it('needs every provider in the scope to have agreed', () => {
    expect(fields(agreementIssues(agreement(['ce-1']), [event('ce-1', 'p1')]))).toEqual([
      'scope.providerIds[1]:CONSENT_MISSING',
    ]);
    // A refusal is no agreement, and does not count for its provider.
    expect(
      fields(agreementIssues(agreement(['ce-1', 'ce-2']), [event('ce-1', 'p1'), event('ce-2', 'p2', 'REFUSE')])),
    ).toEqual(['evidence.consentEventIds[1]:NOT_GRANTED', 'scope.providerIds[1]:CONSENT_MISSING']);
  });

  it('leaves missing or malformed ids, a scope of ALL or no providers and other kinds to the other checks', () => {
    expect(agreementIssues(agreement(undefined), [])).toEqual([]);
    expect(agreementIssues(agreement('ce-1'), [])).toEqual([]);
    expect(agreementIssues(agreement([1, 2]), [])).toEqual([]);
    expect(agreementIssues(agreement(['ce-1'], 'ALL'), [event('ce-1', 'p7')])).toEqual([]);
    expect(agreementIssues(agreement(['ce-1'], []), [event('ce-1', 'p7')])).toEqual([]);
    expect(fields(agreementIssues(agreement(['ce-1'], []), [event('ce-1', 'p7', 'WITHDRAW')]))).toEqual([
      'evidence.consentEventIds[0]:NOT_GRANTED',
    ]);
    expect(
      agreementIssues({ ...agreement(['ce-1']), kind: 'LAW', evidence: {} } as PermittedExceptionDraft, []),
    ).toEqual([]);
  });
});
