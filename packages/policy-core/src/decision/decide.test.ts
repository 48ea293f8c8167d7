import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PurposeConsentState } from '../consent/consent-state.js';
import type { PermittedExceptionFact } from '../exceptions/exception-evidence.js';
import { unstatedPurpose, type PurposeFact } from '../use/may-use-for-purpose.js';
import { CONSENT_STATES, type ConsentState } from '../vocabulary/consent.js';
import { DATA_CATEGORIES, type DataCategory } from '../vocabulary/data-categories.js';
import { EXCEPTION_KINDS } from '../vocabulary/exceptions.js';
import * as api from '../index.js';
import { APPROVED_FOR_A_YEAR, courierException as courier } from '../test-fixtures.js';
import { messageText, reasonKey } from '../messages/index.js';
import { decide, isDecisionReasonCode, type DecideInput } from './decide.js';

const T = (iso: string) => new Date(iso);
const AT = T('2025-06-01T00:00:00Z');
const POSTAL: DataCategory[] = ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'];
const journal: PurposeFact = { key: 'JOURNAL_DELIVERY', categories: POSTAL, retired: false };

function consent(state: ConsentState, purposeKey = 'JOURNAL_DELIVERY'): PurposeConsentState {
  return state === 'NOT_ASKED'
    ? { purposeKey, state, since: null, policyVersion: null, eventId: null }
    : { purposeKey, state, since: T('2025-01-01T00:00:00Z'), policyVersion: 3, eventId: 'ce-1' };
}

function law(overrides: Partial<PermittedExceptionFact> = {}): PermittedExceptionFact {
  return {
    ...APPROVED_FOR_A_YEAR,
    id: 'x-law',
    kind: 'LAW',
    evidence: {
      statute: 'Code of Criminal Procedure',
      article: 'Art. 197(2)',
      requestingAuthority: 'Tokyo District Public Prosecutors Office',
      documentReference: 'REQ-2025-0042',
      issuedOn: T('2025-03-30T00:00:00Z'),
    },
    scope: {
      purposeKeys: ['INQUIRY_2025_0042'],
      categories: ['NAME', 'EMAIL'],
      providerIds: ['p1'],
      recipientId: 'prosecutors',
    },
    ...overrides,
  } as PermittedExceptionFact;
}

function agreement(overrides: Partial<PermittedExceptionFact> = {}): PermittedExceptionFact {
  return {
    ...APPROVED_FOR_A_YEAR,
    id: 'x-agreement',
    kind: 'PROVIDER_AGREEMENT',
    evidence: { consentEventIds: ['ce-9', 'ce-10'], summary: 'Agreed to share affiliation with the co-host.' },
    scope: {
      purposeKeys: ['CO_HOSTED_EVENT'],
      categories: ['NAME', 'AFFILIATION'],
      providerIds: ['p1', 'p2'],
      recipientId: 'co-host',
    },
    ...overrides,
  } as PermittedExceptionFact;
}

function board(overrides: Partial<PermittedExceptionFact> = {}): PermittedExceptionFact {
  return {
    ...APPROVED_FOR_A_YEAR,
    id: 'x-board',
    kind: 'BOARD_APPROVAL',
    evidence: {
      meetingKind: 'BOARD',
      meetingDate: T('2025-03-20T00:00:00Z'),
      resolutionNumber: 'R-2025-12',
      legitimateReason: 'Safety notice after a venue incident.',
      minutesReference: 'MIN-2025-03',
    },
    // Internal use only: no recipient.
    scope: {
      purposeKeys: ['SAFETY_NOTICE'],
      categories: ['NAME', 'EMAIL', 'TELEPHONE'],
      providerIds: 'ALL',
      recipientId: null,
    },
    ...overrides,
  } as PermittedExceptionFact;
}

function input(overrides: Partial<DecideInput> = {}): DecideInput {
  return {
    action: 'USE',
    providerId: 'p1',
    purpose: journal,
    categories: POSTAL,
    recipientId: null,
    consent: consent('GRANTED'),
    exceptions: [],
    policyVersion: 3,
    at: AT,
    ...overrides,
  };
}

const provide = (overrides: Partial<DecideInput> = {}) =>
  input({ action: 'PROVIDE', recipientId: 'courier', ...overrides });
const codes = (d: ReturnType<typeof decide>) => d.reasons.map((r) => r.code);

describe('package entry point', () => {
  it('exports the exception and decision rules', () => {
    const names = [
      'decide',
      'compareExceptions',
      'DECISION_REASON_CODES',
      'DECISION_ACTIONS',
      'missingEvidence',
      'validateActivation',
      'effectiveStatus',
      'isInEffect',
      'EXCEPTION_STATUSES',
      'MEETING_KINDS',
      'EXCEPTION_APPROVER_ROLES',
    ];
    expect(names.filter((n) => !(n in api))).toEqual([]);
  });
});

describe('decide: stated purpose', () => {
  it('allows USE within a consented purpose on the CONSENT basis', () => {
    const d = decide(input());
    expect(d).toMatchObject({
      allowed: true,
      basis: { kind: 'CONSENT' },
      permitted: POSTAL,
      refused: [],
      policyVersion: 3,
    });
    expect(codes(d)).toEqual(['CONSENT_GRANTED', 'CONSENT_GRANTED', 'CONSENT_GRANTED']);
  });

  it('prefers CONSENT over an exception that also applies', () => {
    expect(decide(input({ exceptions: [courier()] })).basis).toEqual({ kind: 'CONSENT' });
  });

  it('allows public data on the PUBLICLY_AVAILABLE basis for USE', () => {
    const d = decide(
      input({
        categories: ['NAME'],
        consent: consent('WITHDRAWN'),
        items: [{ id: 'i1', category: 'NAME', publiclyAvailable: true }],
      }),
    );
    expect(d).toMatchObject({ allowed: true, basis: { kind: 'PUBLICLY_AVAILABLE' } });
  });

  it('denies USE without consent and without an exception, saying why', () => {
    const d = decide(input({ consent: consent('WITHDRAWN'), categories: ['NAME'] }));
    expect(d).toMatchObject({ allowed: false, basis: null, permitted: [], refused: ['NAME'] });
    expect(codes(d)).toEqual(['NO_EXCEPTION_APPLIES', 'CONSENT_NOT_GRANTED']);
  });

  it('never provides on consent alone', () => {
    const d = decide(provide());
    expect(d).toMatchObject({ allowed: false, basis: null, permitted: [], refused: POSTAL });
    expect(codes(d).slice(0, 2)).toEqual(['PROVISION_NEEDS_EXCEPTION', 'NO_EXCEPTION_APPLIES']);
  });

  it('rejects malformed requests', () => {
    expect(codes(decide(provide({ recipientId: null })))).toEqual(['RECIPIENT_REQUIRED']);
    expect(codes(decide(provide({ recipientId: '  ' })))).toEqual(['RECIPIENT_REQUIRED']);
    expect(codes(decide(input({ recipientId: 'courier' })))).toEqual(['RECIPIENT_GIVEN_FOR_USE']);
    expect(decide(input({ categories: [] }))).toMatchObject({
      allowed: false,
      reasons: [{ code: 'NO_CATEGORIES_REQUESTED' }],
    });
    expect(() => decide(input({ at: new Date('x') }))).toThrow(RangeError);
  });
});

describe('decide: the courier scenario (OUTSOURCING)', () => {
  it('allows providing name and postal address to the courier', () => {
    const d = decide(provide({ exceptions: [courier()] }));
    expect(d).toMatchObject({
      allowed: true,
      basis: { kind: 'EXCEPTION', exceptionId: 'x-courier', exceptionKind: 'OUTSOURCING' },
      permitted: POSTAL,
      refused: [],
    });
    expect(d.reasons[0]).toEqual({
      code: 'EXCEPTION_APPLIES',
      category: 'NAME',
      exceptionId: 'x-courier',
      params: {
        exception: 'x-courier',
        exceptionId: 'x-courier',
        exceptionKind: 'OUTSOURCING',
        action: 'PROVIDE',
        purpose: 'JOURNAL_DELIVERY',
        purposeKey: 'JOURNAL_DELIVERY',
        category: 'NAME',
        recipient: 'courier',
      },
      message: 'The exception "x-courier" covers Name for provision to "courier" for "JOURNAL_DELIVERY".',
    });
  });

  it('names the purpose by its title and the recipient by its name when it has them', () => {
    const titled = { ...journal, title: "Delivery of the society's journal" };
    const allowed = decide(provide({ purpose: titled, recipientName: 'Yamato Transport', exceptions: [courier()] }));
    expect(allowed.reasons[0]!.message).toBe(
      `The exception "x-courier" covers Name for provision to "Yamato Transport" for "Delivery of the society's journal".`,
    );
    expect(allowed.reasons[0]!.params).toMatchObject({
      purpose: "Delivery of the society's journal",
      purposeKey: 'JOURNAL_DELIVERY',
      recipient: 'Yamato Transport',
    });
    // The same params word it in Japanese, with names, not ids.
    expect(messageText('ja', reasonKey(allowed.reasons[0]!.code), allowed.reasons[0]!.params)).toBe(
      `例外「x-courier」により、「Delivery of the society's journal」のための「Yamato Transport」への氏名の提供が認められます。`,
    );
    // An exception with a title is named by it.
    const titledException = decide(
      provide({ exceptions: [{ ...courier(), title: 'Journal delivery by Yamato Transport' }] }),
    );
    expect(titledException.reasons[0]!.message).toContain('"Journal delivery by Yamato Transport"');
    // The same decision otherwise: labels change what people read, never the outcome.
    expect({ ...allowed, reasons: allowed.reasons.map((r) => r.code) }).toEqual({
      ...decide(provide({ exceptions: [courier()] })),
      reasons: allowed.reasons.map((r) => r.code),
    });
    const denied = decide(provide({ purpose: titled, recipientName: 'Yamato Transport' }));
    expect(denied.reasons.map((r) => r.message)).toContain(
      `Consent to "Delivery of the society's journal" does not allow providing data to "Yamato Transport": a permitted exception must cover it.`,
    );
    // A blank title or name falls back to the key or id.
    const blank = decide(provide({ purpose: { ...journal, title: '  ' }, recipientName: ' ' }));
    expect(blank.reasons.map((r) => r.message)).toContain(
      'Consent to "JOURNAL_DELIVERY" does not allow providing data to "courier": a permitted exception must cover it.',
    );
  });

  it('refuses EMAIL and names what was missing', () => {
    const purpose = { ...journal, categories: [...POSTAL, 'EMAIL'] as DataCategory[] };
    const d = decide(provide({ purpose, categories: [...POSTAL, 'EMAIL'], exceptions: [courier()] }));
    expect(d).toMatchObject({ allowed: false, basis: null, permitted: POSTAL, refused: ['EMAIL'] });
    expect(d.reasons).toContainEqual({
      code: 'EXCEPTION_CATEGORY_NOT_COVERED',
      category: 'EMAIL',
      exceptionId: 'x-courier',
      params: { exception: 'x-courier', exceptionId: 'x-courier', exceptionKind: 'OUTSOURCING', category: 'EMAIL' },
      message: 'The exception "x-courier" does not cover E-mail address.',
    });
  });

  it('gives a courier the reading of the name only when its scope and contract name it', () => {
    // The purpose states NAME, so its consent covers the reading for the organisation's own use…
    expect(decide(input({ categories: ['NAME', 'NAME_READING'] }))).toMatchObject({
      allowed: true,
      basis: { kind: 'CONSENT' },
    });
    // …but an exception provides only what it names: NAME and the address, not the reading.
    const d = decide(provide({ categories: [...POSTAL, 'NAME_READING'], exceptions: [courier()] }));
    expect(d).toMatchObject({ allowed: false, permitted: POSTAL, refused: ['NAME_READING'] });
    const named = courier({
      scope: { ...courier().scope, categories: [...POSTAL, 'NAME_READING'] },
      evidence: { ...(courier().evidence as object), categories: [...POSTAL, 'NAME_READING'] },
    } as never);
    expect(decide(provide({ categories: [...POSTAL, 'NAME_READING'], exceptions: [named] })).allowed).toBe(true);
  });

  it('covers only its recipient, purpose, providers and contract', () => {
    expect(codes(decide(provide({ recipientId: 'other-courier', exceptions: [courier()] })))).toContain(
      'EXCEPTION_RECIPIENT_NOT_COVERED',
    );
    const newsletter: PurposeFact = { key: 'NEWSLETTER', categories: POSTAL, retired: false };
    expect(
      codes(
        decide(provide({ purpose: newsletter, consent: consent('GRANTED', 'NEWSLETTER'), exceptions: [courier()] })),
      ),
    ).toContain('EXCEPTION_PURPOSE_NOT_COVERED');
    const listed = courier({ scope: { ...courier().scope, providerIds: ['p2'] } });
    expect(codes(decide(provide({ exceptions: [listed] })))).toContain('EXCEPTION_PROVIDER_NOT_COVERED');
    // A person reads the provider by reference; the id stays in the params for machines.
    const notCovered = (o: Partial<DecideInput>) =>
      decide(provide({ exceptions: [listed], ...o })).reasons.find((r) => r.code === 'EXCEPTION_PROVIDER_NOT_COVERED')!;
    const byReference = notCovered({ providerReference: 'JSPE-M-000101' });
    expect(byReference.params).toMatchObject({ provider: 'JSPE-M-000101', providerId: 'p1' });
    expect(byReference.message).toContain('JSPE-M-000101');
    expect(byReference.message).not.toContain('p1');
    expect(notCovered({ providerReference: null }).params).toMatchObject({ provider: 'p1' });
    expect(decide(provide({ providerId: 'p2', exceptions: [listed] })).allowed).toBe(true);
    // The scope cannot reach past the contract in the evidence.
    const stretched = courier({ evidence: { ...(courier().evidence as object), categories: ['NAME'] } } as never);
    expect(decide(provide({ exceptions: [stretched] }))).toMatchObject({ allowed: false, permitted: ['NAME'] });
  });

  it('serves a stated purpose: no delivery to a provider who withdrew from it', () => {
    const d = decide(provide({ consent: consent('WITHDRAWN'), exceptions: [courier()] }));
    expect(d).toMatchObject({ allowed: false, permitted: [], refused: POSTAL });
    expect(codes(d)).toContain('EXCEPTION_PURPOSE_BASIS_MISSING');
  });
});

describe('decide: each kind allows exactly its scope', () => {
  const inquiry: PurposeFact = { key: 'INQUIRY_2025_0042', categories: [], retired: false };
  const lawRequest = (o: Partial<DecideInput> = {}) =>
    provide({
      purpose: inquiry,
      recipientId: 'prosecutors',
      categories: ['NAME', 'EMAIL'],
      consent: consent('NOT_ASKED', 'INQUIRY_2025_0042'),
      exceptions: [law()],
      ...o,
    });

  it('LAW: provision to the authority, outside the stated purposes and without consent', () => {
    expect(decide(lawRequest())).toMatchObject({ allowed: true, basis: { kind: 'EXCEPTION', exceptionKind: 'LAW' } });
    expect(codes(decide(lawRequest({ recipientId: 'journalist' })))).toContain('EXCEPTION_RECIPIENT_NOT_COVERED');
    expect(codes(decide(lawRequest({ providerId: 'p2' })))).toContain('EXCEPTION_PROVIDER_NOT_COVERED');
    expect(decide(lawRequest({ categories: ['NAME', 'TELEPHONE'] }))).toMatchObject({
      allowed: false,
      refused: ['TELEPHONE'],
    });
    expect(codes(decide(lawRequest({ purpose: { ...inquiry, key: 'OTHER' } })))).toContain(
      'EXCEPTION_PURPOSE_NOT_COVERED',
    );
    // A provision scope also allows the organisation's own use for that purpose.
    expect(decide(lawRequest({ action: 'USE', recipientId: null })).allowed).toBe(true);
  });

  /** A provision to the co-host that only the agreement can allow. */
  const coHostRequest = (o: Partial<DecideInput> = {}) =>
    provide({
      purpose: { key: 'CO_HOSTED_EVENT', categories: [], retired: false },
      recipientId: 'co-host',
      categories: ['AFFILIATION'],
      consent: consent('NOT_ASKED', 'CO_HOSTED_EVENT'),
      exceptions: [agreement()],
      ...o,
    });

  it('PROVIDER_AGREEMENT: only the providers who agreed', () => {
    // p1 gave ce-9, p2 gave ce-10: both still stand.
    const req = (o: Partial<DecideInput> = {}) =>
      coHostRequest({ standingGrantIds: o.providerId === 'p2' ? ['ce-10'] : ['ce-9'], ...o });
    expect(decide(req()).allowed).toBe(true);
    expect(decide(req({ providerId: 'p2' })).allowed).toBe(true);
    expect(codes(decide(req({ providerId: 'p3' })))).toContain('EXCEPTION_PROVIDER_NOT_COVERED');
    expect(decide(req({ categories: ['EMAIL'] })).reasons).toContainEqual(
      expect.objectContaining({
        code: 'EXCEPTION_CATEGORY_NOT_COVERED',
        category: 'EMAIL',
        exceptionId: 'x-agreement',
      }),
    );
    expect(codes(decide(req({ recipientId: 'sponsor' })))).toContain('EXCEPTION_RECIPIENT_NOT_COVERED');
  });

  it('PROVIDER_AGREEMENT: withdrawing the cited consent withdraws the agreement, at once', () => {
    const req = (standingGrantIds: readonly string[] | undefined) =>
      coHostRequest(standingGrantIds === undefined ? {} : { standingGrantIds });
    expect(decide(req(['ce-9'])).allowed).toBe(true);
    // p1 withdrew ce-9 (their other grants still stand, but the agreement cites none of them).
    const withdrawn = decide(req(['ce-3', 'ce-4']));
    expect(withdrawn).toMatchObject({ allowed: false, basis: null, permitted: [], refused: ['AFFILIATION'] });
    expect(withdrawn.reasons).toContainEqual(
      expect.objectContaining({ code: 'EXCEPTION_AGREEMENT_WITHDRAWN', exceptionId: 'x-agreement' }),
    );
    expect(withdrawn.reasons.find((r) => r.code === 'EXCEPTION_AGREEMENT_WITHDRAWN')!.message).toContain('p1');
    // Facts not read count as no agreement standing; none at all likewise.
    expect(codes(decide(req(undefined)))).toContain('EXCEPTION_AGREEMENT_WITHDRAWN');
    expect(codes(decide(req([])))).toContain('EXCEPTION_AGREEMENT_WITHDRAWN');
    // Other kinds do not depend on it.
    const courierReq = provide({ exceptions: [courier()] });
    expect(decide(courierReq).allowed).toBe(true);
    // A provider the scope does not name is reported as not covered, not as withdrawn.
    expect(codes(decide({ ...req(['ce-9']), providerId: 'p3' }))).toEqual(
      expect.not.arrayContaining(['EXCEPTION_AGREEMENT_WITHDRAWN']),
    );
  });

  it('BOARD_APPROVAL: internal use for the approved reason, never provision without a recipient', () => {
    const safety: PurposeFact = { key: 'SAFETY_NOTICE', categories: [], retired: false };
    const use = (o: Partial<DecideInput> = {}) =>
      input({
        purpose: safety,
        categories: ['NAME', 'TELEPHONE'],
        consent: consent('NOT_ASKED', 'SAFETY_NOTICE'),
        exceptions: [board()],
        ...o,
      });
    expect(decide(use())).toMatchObject({ allowed: true, basis: { kind: 'EXCEPTION', exceptionId: 'x-board' } });
    expect(decide(use({ providerId: 'anyone' })).allowed).toBe(true); // providerIds: 'ALL'
    const d = decide(use({ action: 'PROVIDE', recipientId: 'police' }));
    expect(d.reasons).toContainEqual({
      code: 'EXCEPTION_RECIPIENT_NOT_COVERED',
      exceptionId: 'x-board',
      params: {
        exception: 'x-board',
        exceptionId: 'x-board',
        exceptionKind: 'BOARD_APPROVAL',
        scope: 'INTERNAL_USE',
        recipient: 'police',
      },
      message: 'The exception "x-board" covers internal use only, not provision to "police".',
    });
    expect(decide(use({ categories: ['POSTAL_ADDRESS'] })).refused).toEqual(['POSTAL_ADDRESS']);
    // A use for another purpose: the approval is no candidate for it, so the denial does not name it.
    const otherPurpose = decide(use({ purpose: journal, consent: consent('NOT_ASKED') }));
    expect(otherPurpose.allowed).toBe(false);
    expect(otherPurpose.reasons.filter((r) => r.exceptionId !== undefined)).toEqual([]);
    expect(codes(otherPurpose)).toContain('NO_EXCEPTION_APPLIES');
  });
});

describe('decide: a purpose that is not stated', () => {
  const tax = unstatedPurpose('TAX_INQUIRY_2026');
  const taxLaw = () =>
    law({
      scope: {
        purposeKeys: ['TAX_INQUIRY_2026'],
        categories: ['NAME', 'EMAIL'],
        providerIds: ['p1'],
        recipientId: 'prosecutors',
      },
    });
  const ask = (o: Partial<DecideInput> = {}) =>
    provide({
      purpose: tax,
      recipientId: 'prosecutors',
      categories: ['NAME'],
      consent: consent('NOT_ASKED', 'TAX_INQUIRY_2026'),
      ...o,
    });

  it('is denied without an exception, saying it is not a stated purpose', () => {
    const use = decide(
      ask({ action: 'USE', recipientId: null, items: [{ id: 'i1', category: 'NAME', publiclyAvailable: true }] }),
    );
    expect(use).toMatchObject({ allowed: false, basis: null, permitted: [], refused: ['NAME'] });
    expect(use.reasons).toEqual([
      {
        code: 'PURPOSE_NOT_STATED',
        params: { purpose: 'TAX_INQUIRY_2026', purposeKey: 'TAX_INQUIRY_2026' },
        message: '"TAX_INQUIRY_2026" is not a stated purpose: only a permitted exception in effect can allow it.',
      },
      {
        code: 'NO_EXCEPTION_APPLIES',
        params: {
          exceptions: 'NONE_SUPPLIED',
          action: 'USE',
          purpose: 'TAX_INQUIRY_2026',
          purposeKey: 'TAX_INQUIRY_2026',
        },
        message: 'No permitted exception was supplied.',
      },
    ]);
    // No talk of consent for a provision: consent to a purpose nobody stated cannot exist.
    expect(codes(decide(ask()))).toEqual(['PURPOSE_NOT_STATED', 'NO_EXCEPTION_APPLIES']);
    // A consent record for the key changes nothing.
    expect(
      decide(ask({ action: 'USE', recipientId: null, consent: consent('GRANTED', 'TAX_INQUIRY_2026') })).allowed,
    ).toBe(false);
  });

  it('is allowed exactly as far as an exception in effect that names it covers', () => {
    expect(decide(ask({ exceptions: [taxLaw()] }))).toMatchObject({
      allowed: true,
      basis: { kind: 'EXCEPTION', exceptionId: 'x-law', exceptionKind: 'LAW' },
    });
    expect(decide(ask({ action: 'USE', recipientId: null, exceptions: [taxLaw()] })).allowed).toBe(true);
    const other = decide(ask({ purpose: unstatedPurpose('OTHER_INQUIRY'), exceptions: [taxLaw()] }));
    expect(codes(other)).toEqual(['PURPOSE_NOT_STATED', 'NO_EXCEPTION_APPLIES', 'EXCEPTION_PURPOSE_NOT_COVERED']);
    expect(decide(ask({ categories: ['NAME', 'TELEPHONE'], exceptions: [taxLaw()] }))).toMatchObject({
      allowed: false,
      permitted: ['NAME'],
      refused: ['TELEPHONE'],
    });
    expect(codes(decide(ask({ exceptions: [{ ...taxLaw(), revokedAt: AT }] })))).toContain('EXCEPTION_NOT_IN_EFFECT');
  });

  it('is never served by outsourcing, which completes a stated purpose', () => {
    const contractor = courier({
      evidence: { ...(courier().evidence as object), servesPurposeKey: 'TAX_INQUIRY_2026' },
      scope: { ...courier().scope, purposeKeys: ['TAX_INQUIRY_2026'] },
    } as never);
    const d = decide(ask({ recipientId: 'courier', exceptions: [contractor] }));
    expect(d.allowed).toBe(false);
    expect(d.reasons).toContainEqual(
      expect.objectContaining({ code: 'EXCEPTION_PURPOSE_BASIS_MISSING', category: 'NAME' }),
    );
  });
});

describe('decide: time and status', () => {
  it('expiry and revocation bite at the exact instant; drafts never count', () => {
    const until = T('2026-04-01T00:00:00Z');
    expect(decide(provide({ exceptions: [courier()], at: T('2026-03-31T23:59:59.999Z') })).allowed).toBe(true);
    const expired = decide(provide({ exceptions: [courier()], at: until }));
    expect(expired.allowed).toBe(false);
    expect(expired.reasons).toContainEqual({
      code: 'EXCEPTION_NOT_IN_EFFECT',
      exceptionId: 'x-courier',
      params: { exception: 'x-courier', exceptionId: 'x-courier', exceptionKind: 'OUTSOURCING', status: 'EXPIRED' },
      message: 'The exception "x-courier" is not in effect (expired).',
    });
    const notYet = decide(provide({ exceptions: [courier()], at: T('2025-03-31T12:00:00Z') }));
    const notYetReason = notYet.reasons.find((r) => r.code === 'EXCEPTION_NOT_IN_EFFECT')!;
    expect(notYetReason.params.status).toBe('NOT_YET_VALID');
    expect(messageText('ja', reasonKey(notYetReason.code), notYetReason.params)).toBe(
      '例外「x-courier」は効力を有していません（適用開始前）。',
    );
    const revokedAt = T('2025-05-15T10:00:00Z');
    const revoked = courier({ revokedAt });
    expect(decide(provide({ exceptions: [revoked], at: T('2025-05-15T09:59:59.999Z') })).allowed).toBe(true);
    expect(decide(provide({ exceptions: [revoked], at: revokedAt })).allowed).toBe(false);
    expect(decide(provide({ exceptions: [courier({ status: 'DRAFT', approvedAt: null })] })).allowed).toBe(false);
    expect(codes(decide(provide({ exceptions: [courier()], at: T('2025-03-31T12:00:00Z') })))).toContain(
      'EXCEPTION_NOT_IN_EFFECT',
    );
  });
});

describe('decide: choosing among exceptions', () => {
  it('picks the earliest validFrom, then the smallest id', () => {
    const a = courier({ id: 'b', validFrom: T('2025-04-02T00:00:00Z') });
    const b = courier({ id: 'c', validFrom: T('2025-04-01T00:00:00Z') });
    const c = courier({ id: 'a', validFrom: T('2025-04-02T00:00:00Z') });
    for (const list of [
      [a, b, c],
      [c, b, a],
      [a, c],
    ]) {
      const expected = list.includes(b) ? 'c' : 'a';
      expect(decide(provide({ exceptions: list })).basis).toMatchObject({ exceptionId: expected });
    }
  });

  it('keeps one basis per decision: categories covered by different bases must be requested separately', () => {
    const purpose = { ...journal, categories: [...POSTAL, 'EMAIL'] as DataCategory[] };
    const emailLaw = law({
      id: 'x-email',
      scope: { purposeKeys: ['JOURNAL_DELIVERY'], categories: ['EMAIL'], providerIds: 'ALL', recipientId: 'courier' },
    });
    const d = decide(provide({ purpose, categories: ['NAME', 'EMAIL'], exceptions: [courier(), emailLaw] }));
    expect(d).toMatchObject({ allowed: false, permitted: ['NAME'], refused: ['EMAIL'] });
    expect(d.reasons).toContainEqual(
      expect.objectContaining({ code: 'DIFFERENT_BASIS', category: 'EMAIL', exceptionId: 'x-email' }),
    );
    expect(decide(provide({ purpose, categories: ['EMAIL'], exceptions: [courier(), emailLaw] })).allowed).toBe(true);
  });

  it('uses only known reason codes', () => {
    const d = decide(
      provide({ categories: DATA_CATEGORIES, exceptions: [courier(), law(), agreement(), board({ status: 'DRAFT' })] }),
    );
    expect(d.reasons.every((r) => isDecisionReasonCode(r.code))).toBe(true);
  });
});

// ---- properties ------------------------------------------------------------------------------

const TIMES = ['2025-01-01', '2025-04-01', '2025-06-01', '2025-09-01', '2026-01-01'].map((d) => T(`${d}T00:00:00Z`));
const PURPOSE_KEYS = ['P', 'Q'];
const PROVIDERS = ['p1', 'p2'];
const RECIPIENTS = ['r1', 'r2'];
// A small universe so that random exceptions often cover random requests (and allowed cases are common).
const CATS: DataCategory[] = ['NAME', 'EMAIL', 'POSTAL_ADDRESS'];
const categoriesArb = fc.subarray(CATS);
const timeArb = fc.constantFrom(...TIMES);
const mostly = <T, U>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: common, weight: 3 }, { arbitrary: rare, weight: 1 });

const exceptionArb = (id: string): fc.Arbitrary<PermittedExceptionFact> =>
  fc
    .record({
      kind: fc.constantFrom(...EXCEPTION_KINDS),
      purposeKeys: mostly(fc.constant(PURPOSE_KEYS), fc.subarray(PURPOSE_KEYS)),
      categories: mostly(fc.constant(CATS), categoriesArb),
      providerIds: mostly(fc.constant('ALL' as const), fc.subarray(PROVIDERS)),
      recipientId: fc.constantFrom(null, ...RECIPIENTS),
      evRecipient: fc.constantFrom(...RECIPIENTS),
      evPurpose: fc.constantFrom(...PURPOSE_KEYS),
      evCategories: mostly(fc.constant(CATS), categoriesArb),
      validFrom: mostly(fc.constant(TIMES[0]!), timeArb),
      validUntil: mostly(fc.constant(null), timeArb),
      status: mostly(fc.constant('ACTIVE' as const), fc.constantFrom('DRAFT', 'REVOKED', 'EXPIRED' as const)),
      approvedAt: mostly(fc.constant(TIMES[0]!), fc.option(timeArb)),
      revokedAt: mostly(fc.constant(null), timeArb),
    })
    .map((r) => {
      const evidence =
        r.kind === 'OUTSOURCING'
          ? {
              recipientId: r.evRecipient,
              contractReference: 'c',
              servesPurposeKey: r.evPurpose,
              categories: r.evCategories,
              supervisionRecord: 's',
            }
          : {};
      return {
        id,
        kind: r.kind,
        evidence,
        scope: {
          purposeKeys: r.purposeKeys,
          categories: r.categories,
          providerIds: r.providerIds,
          recipientId: r.recipientId,
        },
        validFrom: r.validFrom,
        validUntil: r.validUntil,
        status: r.status,
        authorId: 'a',
        approvedById: 'b',
        approvedAt: r.approvedAt,
        revokedAt: r.revokedAt,
      } as PermittedExceptionFact;
    });

const exceptionsArb = fc
  .integer({ min: 0, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => exceptionArb(`x${i}`))))
  .map((list) => [...list]);

const inputArb: fc.Arbitrary<DecideInput> = fc
  .record({
    action: fc.constantFrom('USE', 'PROVIDE' as const),
    providerId: fc.constantFrom(...PROVIDERS),
    purposeKey: fc.constantFrom(...PURPOSE_KEYS),
    purposeCategories: categoriesArb,
    retired: fc.boolean(),
    categories: fc.subarray(CATS, { minLength: 1 }),
    recipientId: fc.constantFrom(...RECIPIENTS),
    consentState: fc.constantFrom(...CONSENT_STATES),
    publicNames: fc.boolean(),
    exceptions: exceptionsArb,
    at: timeArb,
  })
  .map((r) => ({
    action: r.action,
    providerId: r.providerId,
    purpose: { key: r.purposeKey, categories: r.purposeCategories, retired: r.retired },
    categories: r.categories,
    recipientId: r.action === 'PROVIDE' ? r.recipientId : null,
    consent: consent(r.consentState, r.purposeKey),
    items: r.publicNames ? [{ id: 'i1', category: 'NAME' as const, publiclyAvailable: true }] : [],
    exceptions: r.exceptions,
    policyVersion: 1,
    at: r.at,
  }));

const RUNS = { numRuns: 1000 };

describe('decide: properties', () => {
  it('allows a purpose that is not stated only on a non-outsourcing exception that names it', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const d = decide({ ...i, purpose: unstatedPurpose(i.purpose.key) });
        if (!d.allowed) return;
        expect(d.basis?.kind).toBe('EXCEPTION');
        const basis = i.exceptions.find((e) => d.basis?.kind === 'EXCEPTION' && e.id === d.basis.exceptionId)!;
        expect(basis.kind).not.toBe('OUTSOURCING');
        expect(basis.scope.purposeKeys).toContain(i.purpose.key);
      }),
      RUNS,
    );
  });

  it('adding an exception never turns an allowed decision into a denied one', () => {
    fc.assert(
      fc.property(inputArb, exceptionArb('extra'), (i, extra) => {
        if (!decide(i).allowed) return;
        expect(decide({ ...i, exceptions: [...i.exceptions, extra] }).allowed).toBe(true);
      }),
      RUNS,
    );
  });

  it('removing categories (leaving at least one) never turns allowed into denied', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (i, seed) => {
        if (!decide(i).allowed) return;
        const fewer = i.categories.filter((_, k) => ((seed >> k) & 1) === 1 || k === 0);
        expect(decide({ ...i, categories: fewer }).allowed).toBe(true);
      }),
      RUNS,
    );
  });

  it('is deterministic regardless of exception order', () => {
    fc.assert(
      fc.property(
        inputArb.chain((i) =>
          fc.tuple(fc.constant(i), fc.shuffledSubarray([...i.exceptions], { minLength: i.exceptions.length })),
        ),
        ([i, shuffled]) => {
          expect(decide({ ...i, exceptions: shuffled })).toEqual(decide(i));
        },
      ),
      RUNS,
    );
  });

  it('is all-or-nothing: allowed exactly when nothing is refused, and every request is partitioned', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const d = decide(i);
        expect(d.allowed).toBe(d.refused.length === 0);
        expect(d.allowed).toBe(d.basis !== null);
        expect([...d.permitted, ...d.refused].sort()).toEqual([...new Set(i.categories)].sort());
        if (i.action === 'PROVIDE') expect(d.basis?.kind ?? 'EXCEPTION').toBe('EXCEPTION');
      }),
      RUNS,
    );
  });
});

describe('decide: cessation on request (clause 4)', () => {
  const stopUse = (o: Partial<api.CessationFact> = {}): api.CessationFact => ({
    action: 'USE',
    purposeKey: 'JOURNAL_DELIVERY',
    recipientId: null,
    since: T('2025-05-01T00:00:00Z'),
    ...o,
  });
  const stopProvide = (o: Partial<api.CessationFact> = {}): api.CessationFact => ({
    action: 'PROVIDE',
    purposeKey: null,
    recipientId: 'courier',
    since: T('2025-05-01T00:00:00Z'),
    ...o,
  });

  it('stops USE on consent, public data and non-LAW exceptions for the purpose named, from `since` on', () => {
    expect(decide(input()).allowed).toBe(true);
    const d = decide(input({ cessations: [stopUse()] }));
    expect(d).toMatchObject({ allowed: false, basis: null, permitted: [], refused: POSTAL });
    expect(codes(d)[0]).toBe('CEASED_ON_REQUEST');
    const boardJournal = board({
      scope: { ...board().scope, purposeKeys: ['JOURNAL_DELIVERY'], categories: POSTAL },
    } as never);
    expect(decide(input({ exceptions: [boardJournal] })).allowed).toBe(true);
    expect(decide(input({ exceptions: [boardJournal], cessations: [stopUse()] })).allowed).toBe(false);
    // Not yet in effect, another purpose, or a provision stop: USE continues.
    expect(decide(input({ cessations: [stopUse({ since: T('2025-07-01T00:00:00Z') })] })).allowed).toBe(true);
    expect(decide(input({ cessations: [stopUse({ purposeKey: 'NEWSLETTER' })] })).allowed).toBe(true);
    expect(decide(input({ cessations: [stopProvide({ recipientId: null })] })).allowed).toBe(true);
    // null purpose = every purpose.
    expect(decide(input({ cessations: [stopUse({ purposeKey: null })] })).allowed).toBe(false);
  });

  it('stops PROVIDE to the recipient named (or every recipient), but a legal requirement still applies', () => {
    expect(decide(provide({ exceptions: [courier()] })).allowed).toBe(true);
    const d = decide(provide({ exceptions: [courier()], cessations: [stopProvide()] }));
    expect(d).toMatchObject({ allowed: false, permitted: [] });
    expect(codes(d)).toEqual(expect.arrayContaining(['CEASED_ON_REQUEST', 'NO_EXCEPTION_APPLIES']));
    expect(
      decide(provide({ exceptions: [courier()], cessations: [stopProvide({ recipientId: 'someone-else' })] })).allowed,
    ).toBe(true);
    expect(decide(provide({ exceptions: [courier()], cessations: [stopProvide({ recipientId: null })] })).allowed).toBe(
      false,
    );
    const inquiry: PurposeFact = { key: 'INQUIRY_2025_0042', categories: [], retired: false };
    const lawRequest = provide({
      purpose: inquiry,
      recipientId: 'prosecutors',
      categories: ['NAME', 'EMAIL'],
      consent: consent('NOT_ASKED', 'INQUIRY_2025_0042'),
      exceptions: [law()],
      cessations: [stopProvide({ recipientId: null })],
    });
    expect(decide(lawRequest)).toMatchObject({ allowed: true, basis: { kind: 'EXCEPTION', exceptionKind: 'LAW' } });
  });
});
