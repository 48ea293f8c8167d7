import { describe, expect, it } from 'vitest';
import type { PurposeFact } from '../use/may-use-for-purpose.js';
import { EXCEPTION_KIND_INFO, EXCEPTION_KINDS, type ExceptionKind } from '../vocabulary/exceptions.js';
import { missingEvidence, type ExceptionEvidenceByKind } from './exception-evidence.js';

const COMPLETE: ExceptionEvidenceByKind = {
  LAW: {
    statute: 'Code of Criminal Procedure',
    article: 'Art. 197(2)',
    requestingAuthority: 'Tokyo District Public Prosecutors Office',
    documentReference: 'REQ-2025-0042',
    issuedOn: new Date('2025-05-01T00:00:00Z'),
  },
  PROVIDER_AGREEMENT: { consentEventIds: ['ce-1', 'ce-2'], summary: 'Member agreed to share affiliation with the co-host.' },
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
        expect(issues, `${kind}.${key}`).toEqual([{ field: `evidence.${key}`, code: 'REQUIRED', message: expect.any(String) }]);
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
    expect(missingEvidence('PROVIDER_AGREEMENT', { ...COMPLETE.PROVIDER_AGREEMENT, consentEventIds: [] })[0]).toMatchObject({
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
    expect(missingEvidence('BOARD_APPROVAL', { ...COMPLETE.BOARD_APPROVAL, meetingDate: '2025-04-20' as never })[0]).toMatchObject({
      field: 'evidence.meetingDate',
      code: 'INVALID_VALUE',
    });
    expect(missingEvidence('BOARD_APPROVAL', { ...COMPLETE.BOARD_APPROVAL, meetingKind: 'COMMITTEE' as never })[0]).toMatchObject({
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
    expect(missingEvidence('LAW', { ...COMPLETE.LAW, statute: 42 as never })[0]).toMatchObject({ code: 'INVALID_VALUE' });
  });

  it('checks list items: ids, known categories, duplicates', () => {
    expect(missingEvidence('PROVIDER_AGREEMENT', { ...COMPLETE.PROVIDER_AGREEMENT, consentEventIds: ['ce-1', '', 'ce-1'] })).toEqual([
      { field: 'evidence.consentEventIds[1]', code: 'REQUIRED', message: 'A value is required.' },
      { field: 'evidence.consentEventIds[2]', code: 'DUPLICATE', message: '"ce-1" is listed twice.' },
    ]);
    expect(
      missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, categories: ['NAME', 'SHOE_SIZE' as never, 'NAME'] }),
    ).toEqual([
      { field: 'evidence.categories[1]', code: 'INVALID_VALUE', message: 'Unknown data category "SHOE_SIZE".' },
      { field: 'evidence.categories[2]', code: 'DUPLICATE', message: '"NAME" is listed twice.' },
    ]);
    expect(missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, categories: 'NAME' as never })[0]?.code).toBe('INVALID_VALUE');
  });

  it('with purposes, keeps outsourcing within a known, active served purpose', () => {
    expect(missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, categories: ['NAME', 'EMAIL'] }, purposes)).toEqual([
      { field: 'evidence.categories[1]', code: 'CATEGORY_NOT_NEEDED', message: 'Purpose "JOURNAL_DELIVERY" does not need EMAIL.' },
    ]);
    // Without purposes the subset check cannot run.
    expect(missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, categories: ['NAME', 'EMAIL'] })).toEqual([]);
    expect(missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, servesPurposeKey: 'NOPE' }, purposes)).toEqual([
      { field: 'evidence.servesPurposeKey', code: 'UNKNOWN_PURPOSE', message: 'No stated purpose "NOPE".' },
    ]);
    expect(
      missingEvidence('OUTSOURCING', { ...COMPLETE.OUTSOURCING, servesPurposeKey: 'OLD_MAILING', categories: ['NAME'] }, purposes),
    ).toEqual([{ field: 'evidence.servesPurposeKey', code: 'RETIRED_PURPOSE', message: 'Purpose "OLD_MAILING" is retired.' }]);
  });
});
