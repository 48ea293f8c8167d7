import { describe, expect, it } from 'vitest';
import type { PurposeFact } from '../use/may-use-for-purpose.js';
import { courierException as outsourcing } from '../test-fixtures.js';
import { EXCEPTION_KIND_INFO, EXCEPTION_KINDS } from '../vocabulary/exceptions.js';
import type { PermittedExceptionDraft } from './exception-evidence.js';
import { effectiveStatus, isInEffect, validateActivation } from './exception-lifecycle.js';

const T = (iso: string) => new Date(iso);
const purposes: PurposeFact[] = [
  { key: 'JOURNAL_DELIVERY', categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'], retired: false },
];

/**
 * A LAW exception's draft: a tax office's order under the Tax Act, issued on `issuedOn`, scoped to
 * one provider's name for the tax inquiry.
 */
const lawDraft = (issuedOn: Date): PermittedExceptionDraft =>
  ({
    ...draft(),
    kind: 'LAW',
    evidence: {
      statute: 'Tax Act',
      article: 'Art. 74',
      requestingAuthority: 'Tax office',
      documentReference: 'T-1',
      issuedOn,
    },
    scope: {
      purposeKeys: ['TAX_INQUIRY_2025'],
      categories: ['NAME'],
      providerIds: ['p1'],
      recipientId: 'tax-office',
    },
  }) as PermittedExceptionDraft;

const draft = (overrides: Partial<PermittedExceptionDraft> = {}): PermittedExceptionDraft =>
  ({
    ...outsourcing(),
    status: 'DRAFT',
    approvedById: null,
    approvedAt: null,
    ...overrides,
  }) as PermittedExceptionDraft;

describe('effectiveStatus', () => {
  it('is ACTIVE within [validFrom, validUntil) only', () => {
    const e = outsourcing();
    expect(effectiveStatus(e, T('2025-03-31T23:59:59.999Z'))).toBe('NOT_YET_VALID');
    expect(effectiveStatus(e, T('2025-04-01T00:00:00Z'))).toBe('ACTIVE');
    expect(effectiveStatus(e, T('2026-03-31T23:59:59.999Z'))).toBe('ACTIVE');
    expect(effectiveStatus(e, T('2026-04-01T00:00:00Z'))).toBe('EXPIRED'); // at === validUntil
    expect(isInEffect(e, T('2026-04-01T00:00:00Z'))).toBe(false);
    expect(effectiveStatus(outsourcing({ validUntil: null }), T('2099-01-01T00:00:00Z'))).toBe('ACTIVE');
  });

  it('revocation bites at the exact instant, even if the stored status still says ACTIVE', () => {
    const e = outsourcing({ revokedAt: T('2025-06-01T12:00:00Z') });
    expect(effectiveStatus(e, T('2025-06-01T11:59:59.999Z'))).toBe('ACTIVE');
    expect(effectiveStatus(e, T('2025-06-01T12:00:00Z'))).toBe('REVOKED');
    // Historic question about a now-revoked exception.
    expect(effectiveStatus({ ...e, status: 'REVOKED' }, T('2025-05-01T00:00:00Z'))).toBe('ACTIVE');
    expect(effectiveStatus(outsourcing({ status: 'REVOKED', revokedAt: null }), T('2025-05-01T00:00:00Z'))).toBe(
      'REVOKED',
    );
    // Revocation before expiry wins.
    expect(effectiveStatus(outsourcing({ revokedAt: T('2025-06-01T00:00:00Z') }), T('2027-01-01T00:00:00Z'))).toBe(
      'REVOKED',
    );
  });

  it('never counts a draft or an unapproved exception', () => {
    expect(effectiveStatus(draft(), T('2025-05-01T00:00:00Z'))).toBe('DRAFT');
    expect(effectiveStatus(outsourcing({ approvedAt: null }), T('2025-05-01T00:00:00Z'))).toBe('DRAFT');
    expect(effectiveStatus(outsourcing({ approvedAt: T('2025-05-02T00:00:00Z') }), T('2025-05-01T00:00:00Z'))).toBe(
      'DRAFT',
    );
  });

  it('honours a stored EXPIRED and fails closed on invalid dates', () => {
    expect(effectiveStatus(outsourcing({ status: 'EXPIRED', validUntil: null }), T('2025-05-01T00:00:00Z'))).toBe(
      'EXPIRED',
    );
    const at = T('2025-05-01T00:00:00Z');
    expect(effectiveStatus(outsourcing({ revokedAt: new Date('x') }), at)).toBe('REVOKED');
    expect(effectiveStatus(outsourcing({ validUntil: new Date('x') }), at)).toBe('EXPIRED');
    expect(effectiveStatus(outsourcing({ validFrom: new Date('x') }), at)).toBe('NOT_YET_VALID');
    expect(effectiveStatus(outsourcing({ approvedAt: new Date('x') }), at)).toBe('DRAFT');
    expect(() => effectiveStatus(outsourcing(), new Date('x'))).toThrow(RangeError);
  });
});

describe('validateActivation', () => {
  const at = T('2025-03-31T00:00:00Z');
  const activate = (
    exception: PermittedExceptionDraft,
    approverId = 'bob',
    approverRole: 'OWNER' | 'PRIVACY_OFFICER' | 'VIEWER' = 'PRIVACY_OFFICER',
  ) => validateActivation({ exception, approverId, approverRole, at, purposes });
  const codes = (v: ReturnType<typeof validateActivation>) => (v.ok ? [] : v.issues.map((i) => `${i.field}:${i.code}`));

  it('activates a complete draft approved by a second owner or privacy officer', () => {
    expect(activate(draft())).toEqual({ ok: true });
    expect(activate(draft(), 'carol', 'OWNER')).toEqual({ ok: true });
  });

  it('enforces four eyes and roles', () => {
    expect(codes(activate(draft(), 'alice', 'OWNER'))).toEqual(['approverId:SELF_APPROVAL']);
    expect(codes(activate(draft(), 'bob', 'VIEWER'))).toEqual(['approverRole:ROLE_NOT_ALLOWED']);
    expect(codes(activate(draft(), ' ', 'OWNER'))).toEqual(['approverId:REQUIRED']);
  });

  it('only activates drafts', () => {
    for (const status of ['ACTIVE', 'REVOKED', 'EXPIRED'] as const) {
      expect(codes(activate(draft({ status })))).toEqual(['status:INVALID_TRANSITION']);
    }
  });

  it('requires every evidence field of every kind', () => {
    for (const kind of EXCEPTION_KINDS) {
      const fields = EXCEPTION_KIND_INFO[kind].requiredEvidence;
      const e = {
        ...draft(),
        kind,
        evidence: {},
        scope: { ...draft().scope, providerIds: ['p1'] },
      } as PermittedExceptionDraft;
      const v = activate(e);
      for (const key of fields) expect(codes(v)).toContain(`evidence.${key}:REQUIRED`);
    }
  });

  it('checks the validity window against validFrom and the moment of approval', () => {
    expect(codes(activate(draft({ validUntil: T('2025-04-01T00:00:00Z') })))).toEqual(['validUntil:INVALID_VALUE']);
    expect(codes(activate(draft({ validFrom: T('2025-01-01T00:00:00Z'), validUntil: at })))).toEqual([
      'validUntil:INVALID_VALUE',
    ]);
    expect(activate(draft({ validUntil: null }))).toEqual({ ok: true });
    expect(codes(activate(draft({ validFrom: new Date('x') })))).toEqual(['validFrom:INVALID_VALUE']);
    expect(
      codes(
        validateActivation({
          exception: draft(),
          approverId: 'bob',
          approverRole: 'OWNER',
          at: new Date('x'),
          purposes,
        }),
      ),
    ).toEqual(['at:INVALID_VALUE']);
  });

  it('keeps the scope non-empty and an outsourcing scope within its contract', () => {
    const base = draft();
    expect(
      codes(activate({ ...base, scope: { ...base.scope, purposeKeys: [], categories: [], providerIds: [] } })),
    ).toEqual(['scope.purposeKeys:REQUIRED', 'scope.categories:REQUIRED', 'scope.providerIds:REQUIRED']);
    expect(
      codes(
        activate({
          ...base,
          scope: { ...base.scope, recipientId: 'other', purposeKeys: ['NEWSLETTER'], categories: ['NAME', 'EMAIL'] },
        }),
      ),
    ).toEqual([
      'scope.recipientId:SCOPE_MISMATCH',
      'scope.purposeKeys:SCOPE_MISMATCH',
      'scope.categories[1]:SCOPE_MISMATCH',
    ]);
    expect(codes(activate({ ...base, scope: { ...base.scope, recipientId: null } }))).toEqual([
      'scope.recipientId:REQUIRED',
    ]);
    // The served purpose does not need EMAIL.
    const ev = { ...(base.evidence as object), categories: ['NAME', 'EMAIL'] };
    expect(
      codes(
        activate({ ...base, evidence: ev, scope: { ...base.scope, categories: ['NAME'] } } as PermittedExceptionDraft),
      ),
    ).toEqual(['evidence.categories[1]:CATEGORY_NOT_NEEDED']);
  });

  it('needs well-formed purpose keys in the scope, stated or not', () => {
    const law = lawDraft(T('2025-03-01T00:00:00Z'));
    expect(activate(law)).toEqual({ ok: true });
    expect(
      codes(activate({ ...law, scope: { ...law.scope, purposeKeys: ['TAX_INQUIRY_2025', 'tax-inquiry', ''] } })),
    ).toEqual(['scope.purposeKeys[1]:INVALID_FORMAT', 'scope.purposeKeys[2]:REQUIRED']);
  });

  it('with the cited consent events, checks that the providers it covers agreed', () => {
    const agreement = {
      ...draft(),
      kind: 'PROVIDER_AGREEMENT',
      evidence: { consentEventIds: ['ce-1'], summary: 'Agreed.' },
      scope: {
        purposeKeys: ['CO_HOSTED_EVENT'],
        categories: ['NAME'],
        providerIds: ['p1', 'p2'],
        recipientId: 'co-host',
      },
    } as PermittedExceptionDraft;
    const grant = (id: string, providerId: string) => ({
      id,
      providerId,
      purposeKey: 'EVENT_NEWS',
      action: 'GRANT' as const,
    });
    const check = (
      e: PermittedExceptionDraft,
      consentEvents: Parameters<typeof validateActivation>[0]['consentEvents'],
    ) =>
      validateActivation({
        exception: e,
        approverId: 'bob',
        approverRole: 'PRIVACY_OFFICER',
        at,
        purposes,
        consentEvents,
      });
    expect(codes(check(agreement, [grant('ce-1', 'p1')]))).toEqual(['scope.providerIds[1]:CONSENT_MISSING']);
    const both = {
      ...agreement,
      evidence: { consentEventIds: ['ce-1', 'ce-2'], summary: 'Agreed.' },
    } as PermittedExceptionDraft;
    expect(check(both, [grant('ce-1', 'p1'), grant('ce-2', 'p2')])).toEqual({ ok: true });
    // A grant the provider has withdrawn since no longer evidences their agreement.
    expect(codes(check(both, [grant('ce-1', 'p1'), { ...grant('ce-2', 'p2'), withdrawnSince: true }]))).toEqual([
      'evidence.consentEventIds[1]:NOT_GRANTED',
      'scope.providerIds[1]:CONSENT_MISSING',
    ]);
    // Without the events nothing is checked (the caller did not load them).
    expect(check(agreement, undefined)).toEqual({ ok: true });
  });

  it('needs the cited order issued and the cited meeting held by the approval', () => {
    const law = lawDraft(T('2025-04-02T00:00:00Z'));
    const activateWith = (d: PermittedExceptionDraft, evidence: Record<string, unknown>) =>
      activate({ ...d, evidence: { ...d.evidence, ...evidence } } as PermittedExceptionDraft);
    expect(codes(activate(law))).toEqual(['evidence.issuedOn:NOT_YET_HAPPENED']);
    // Dated the next calendar day in UTC is still today somewhere east (approval at 2025-03-31T00:00Z).
    expect(activateWith(law, { issuedOn: T('2025-03-31T00:00:00Z') })).toEqual({ ok: true });
    expect(activateWith(law, { issuedOn: T('2025-03-31T14:00:00Z') })).toEqual({ ok: true });
    expect(codes(activateWith(law, { issuedOn: T('2025-03-31T14:00:01Z') }))).toEqual([
      'evidence.issuedOn:NOT_YET_HAPPENED',
    ]);

    const board = {
      ...draft(),
      kind: 'BOARD_APPROVAL',
      evidence: {
        meetingKind: 'BOARD',
        meetingDate: T('2025-05-20T00:00:00Z'),
        resolutionNumber: 'R-7',
        legitimateReason: 'Joint symposium.',
        minutesReference: 'M-7',
      },
      scope: { purposeKeys: ['JOINT_SYMPOSIUM'], categories: ['NAME'], providerIds: 'ALL', recipientId: 'co-host' },
    } as PermittedExceptionDraft;
    expect(codes(activate(board))).toEqual(['evidence.meetingDate:NOT_YET_HAPPENED']);
    expect(activateWith(board, { meetingDate: T('2025-03-20T00:00:00Z') })).toEqual({ ok: true });
  });

  it('keeps a provider agreement to named providers', () => {
    const agreement = {
      ...draft(),
      kind: 'PROVIDER_AGREEMENT',
      evidence: { consentEventIds: ['ce-1'], summary: 'Agreed.' },
      scope: { purposeKeys: ['CO_HOSTED_EVENT'], categories: ['NAME'], providerIds: 'ALL', recipientId: 'co-host' },
    } as PermittedExceptionDraft;
    expect(codes(activate(agreement))).toEqual(['scope.providerIds:SCOPE_MISMATCH']);
    expect(activate({ ...agreement, scope: { ...agreement.scope, providerIds: ['p1'] } })).toEqual({ ok: true });
  });
});
