import { describe, expect, it } from 'vitest';
import {
  REQUEST_LIMITS,
  normalizeSubmission,
  requestUrgency,
  validateAmendment,
  validateCompletion,
  validateRequestSubmission,
  validateRequestWork,
  validateVerification,
  type AmendmentChange,
} from './request-rules.js';

const fields = (v: { ok: boolean; issues?: { field: string; code: string }[] }) =>
  v.ok ? [] : v.issues!.map((i) => `${i.field}:${i.code}`);

describe('validateRequestSubmission', () => {
  const ok = {
    kind: 'DISCLOSURE',
    requesterName: '山田 太郎',
    contact: 'taro@example.jp',
    details: 'Please send\nwhat you hold.',
    cookieConsentIds: ['c0ns3nt-Id_0001'],
  };
  it('accepts a plain request', () => {
    expect(validateRequestSubmission(ok)).toEqual({ ok: true });
    expect(validateRequestSubmission({ ...ok, details: null, cookieConsentIds: null })).toEqual({ ok: true });
  });
  it('refuses unknown kinds, blanks, oversized and hostile text, reporting every field', () => {
    const v = validateRequestSubmission({
      kind: 'ERASURE',
      requesterName: ' ',
      contact: 'x\u202Ey',
      details: 'a'.repeat(REQUEST_LIMITS.details + 1),
      cookieConsentIds: ['short', '<script>alert(1)</script>'],
    });
    expect(fields(v)).toEqual([
      'kind:INVALID_VALUE',
      'requesterName:REQUIRED',
      'contact:CONTROL_CHARACTERS',
      'details:TOO_LONG',
      'cookieConsentIds[0]:INVALID_FORMAT',
      'cookieConsentIds[1]:INVALID_FORMAT',
    ]);
    expect(fields(validateRequestSubmission({ ...ok, requesterName: 'a\u0000b' }))).toEqual([
      'requesterName:CONTROL_CHARACTERS',
    ]);
    expect(fields(validateRequestSubmission({ ...ok, requesterName: 'two\nlines' }))).toEqual([
      'requesterName:CONTROL_CHARACTERS',
    ]);
    expect(
      fields(
        validateRequestSubmission({
          ...ok,
          cookieConsentIds: Array.from({ length: 11 }, (_, i) => `consent-${i}-abcdef`),
        }),
      ),
    ).toEqual(['cookieConsentIds:TOO_LONG']);
  });
  it('normalises line breaks and blanks before checking', () => {
    const n = normalizeSubmission({
      ...ok,
      requesterName: ' A ',
      details: 'x\r\ny\r\n',
      cookieConsentIds: ['c0ns3nt-Id_0001', 'c0ns3nt-Id_0001 '],
    });
    expect(n).toMatchObject({ requesterName: 'A', details: 'x\ny', cookieConsentIds: ['c0ns3nt-Id_0001'] });
    expect(validateRequestSubmission(n)).toEqual({ ok: true });
    expect(normalizeSubmission({ ...ok, details: '  ' }).details).toBeNull();
  });
});

describe('validateRequestWork', () => {
  const ready = { kind: 'DISCLOSURE', status: 'IN_PROGRESS', providerLinked: true, identityVerified: true } as const;
  it('needs the matching kind, a linked provider, a verified identity and IN_PROGRESS', () => {
    expect(validateRequestWork(ready, 'DISCLOSURE')).toEqual({ ok: true });
    expect(
      fields(
        validateRequestWork(
          { ...ready, status: 'VERIFYING', identityVerified: false, providerLinked: false },
          'AMENDMENT',
        ),
      ),
    ).toEqual([
      'kind:INVALID_VALUE',
      'providerId:REQUIRED',
      'identityVerified:IDENTITY_NOT_VERIFIED',
      'status:INVALID_TRANSITION',
    ]);
  });
  it('lets a completed disclosure be produced again, but never a completed amendment', () => {
    expect(validateRequestWork({ ...ready, status: 'COMPLETED' }, 'DISCLOSURE')).toEqual({ ok: true });
    expect(fields(validateRequestWork({ ...ready, kind: 'AMENDMENT', status: 'COMPLETED' }, 'AMENDMENT'))).toEqual([
      'status:INVALID_TRANSITION',
    ]);
    expect(fields(validateRequestWork({ ...ready, status: 'REJECTED' }, 'DISCLOSURE'))).toEqual([
      'status:INVALID_TRANSITION',
    ]);
  });
});

describe('validateVerification', () => {
  it('needs a linked provider and a request still being verified', () => {
    expect(validateVerification({ status: 'RECEIVED', providerLinked: true })).toEqual({ ok: true });
    expect(validateVerification({ status: 'VERIFYING', providerLinked: true })).toEqual({ ok: true });
    expect(fields(validateVerification({ status: 'COMPLETED', providerLinked: false }))).toEqual([
      'providerId:REQUIRED',
      'status:INVALID_TRANSITION',
    ]);
    expect(fields(validateVerification({ status: 'IN_PROGRESS', providerLinked: true }))).toEqual([
      'status:INVALID_TRANSITION',
    ]);
  });
});

describe('requestUrgency', () => {
  const dueAt = new Date('2026-04-10T14:59:59.999Z');
  it('is OVERDUE after the due instant, DUE_SOON within three days, CLOSED when final', () => {
    expect(requestUrgency({ status: 'IN_PROGRESS', dueAt }, dueAt)).toBe('DUE_SOON');
    expect(requestUrgency({ status: 'IN_PROGRESS', dueAt }, new Date(dueAt.getTime() + 1))).toBe('OVERDUE');
    expect(requestUrgency({ status: 'RECEIVED', dueAt }, new Date(dueAt.getTime() - 3 * 86_400_000))).toBe('DUE_SOON');
    expect(requestUrgency({ status: 'RECEIVED', dueAt }, new Date(dueAt.getTime() - 3 * 86_400_000 - 1))).toBe(
      'ON_TRACK',
    );
    expect(requestUrgency({ status: 'COMPLETED', dueAt }, new Date(dueAt.getTime() + 86_400_000))).toBe('CLOSED');
    expect(requestUrgency({ status: 'REJECTED', dueAt }, new Date(dueAt.getTime() + 86_400_000))).toBe('CLOSED');
    expect(requestUrgency({ status: 'VERIFYING', dueAt }, new Date(dueAt.getTime() - 86_400_000), 0)).toBe('ON_TRACK');
  });
});

describe('validateAmendment', () => {
  const items = new Map([
    ['i-name', 'NAME'],
    ['i-mail', 'EMAIL'],
  ] as const);
  const change = (c: Partial<AmendmentChange>): AmendmentChange => ({
    itemId: 'i-mail',
    category: 'EMAIL',
    value: 'new@example.jp',
    ...c,
  });
  it('accepts changes, additions and removals', () => {
    expect(
      validateAmendment(
        [
          change({}),
          change({ itemId: 'i-name', category: 'NAME', value: null }),
          change({ itemId: null, category: 'TELEPHONE', value: '03-1234-5678' }),
        ],
        items,
      ),
    ).toEqual({ ok: true });
  });
  it('reports each change by index', () => {
    expect(fields(validateAmendment([], items))).toEqual(['changes:NO_CHANGE']);
    const v = validateAmendment(
      [
        change({ value: 'not an address' }),
        change({ value: 'b@example.jp' }),
        change({ itemId: 'i-name', category: 'EMAIL' }),
        change({ itemId: 'nope' }),
        change({ itemId: null, value: null }),
        change({ itemId: null, category: 'SHOE_SIZE' as never }),
      ],
      items,
    );
    expect(fields(v)).toEqual([
      'changes[0].value:INVALID_FORMAT',
      'changes[1].itemId:DUPLICATE',
      'changes[2].category:INVALID_VALUE',
      'changes[3].itemId:INVALID_VALUE',
      'changes[4].itemId:REQUIRED',
      'changes[5].category:UNKNOWN_CATEGORY',
    ]);
    expect(
      fields(
        validateAmendment(
          Array.from({ length: 51 }, () => change({})),
          items,
        ),
      ),
    ).toEqual(['changes:TOO_LONG']);
  });
});

describe('validateCompletion', () => {
  it('needs the package for a disclosure, and changes or a resolution otherwise', () => {
    expect(fields(validateCompletion({ kind: 'DISCLOSURE', packageProduced: false, workApplied: false }))).toEqual([
      'status:REQUIRED',
    ]);
    expect(validateCompletion({ kind: 'DISCLOSURE', packageProduced: true, workApplied: false })).toEqual({ ok: true });
    expect(
      fields(validateCompletion({ kind: 'AMENDMENT', packageProduced: false, workApplied: false, resolution: ' ' })),
    ).toEqual(['reason:REQUIRED']);
    expect(
      validateCompletion({
        kind: 'AMENDMENT',
        packageProduced: false,
        workApplied: false,
        resolution: 'Already correct.',
      }),
    ).toEqual({ ok: true });
    expect(validateCompletion({ kind: 'CESSATION', packageProduced: false, workApplied: true })).toEqual({ ok: true });
  });
});
