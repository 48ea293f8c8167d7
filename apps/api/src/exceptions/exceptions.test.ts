import {
  ApproveExceptionDocument,
  CreateExceptionDocument,
  CreateRecipientDocument,
  PermittedExceptionDocument,
  PermittedExceptionsDocument,
  ProviderDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
  RevokeExceptionDocument,
  UpdateExceptionDocument,
  type CreateExceptionMutationVariables,
  type ExceptionFieldsFragment,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput, buildExceptionInput } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

type Input = CreateExceptionMutationVariables['input'];
type Kind = Input['kind'];

const KINDS: Kind[] = ['LAW', 'PROVIDER_AGREEMENT', 'OUTSOURCING', 'BOARD_APPROVAL'];
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let app: TestApp;
let owner: TestClient;
let officer: TestClient;
let refs: { recipientId: string; providerId: string; consentEventIds: string[] };
/** The provider's refusal (EVENT_NEWS), and another provider with their grant: agreements cite grants by the providers they cover. */
let refusalId: string;
let other: { providerId: string; grantId: string };

async function collect(): Promise<{ providerId: string; grants: string[]; refusals: string[] }> {
  const collected = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
  const provider = (await owner.ok(ProviderDocument, { id: collected.recordCollection.provider.id })).provider!;
  const ids = (action: string) => provider.consentHistory.filter((e) => e.action === action).map((e) => e.id);
  return { providerId: provider.id, grants: ids('GRANT'), refusals: ids('REFUSE') };
}

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.clientAs('OWNER');
  officer = await app.clientAs('PRIVACY_OFFICER');
  const courier = await owner.ok(CreateRecipientDocument, { input: { name: 'Swift Courier Co.', kind: 'CONTRACTOR' } });
  const member = await collect();
  refs = {
    recipientId: courier.createRecipient.id,
    providerId: member.providerId,
    consentEventIds: member.grants.slice(0, 1),
  };
  refusalId = member.refusals[0]!;
  const second = await collect();
  other = { providerId: second.providerId, grantId: second.grants[0]! };
});
afterAll(() => app.close());

const input = (kind: Kind, overrides: Partial<Input> = {}) => buildExceptionInput(kind, refs, overrides);

async function storedCounts() {
  const conn = app.em().getConnection();
  const count = async (table: string, where = '') =>
    Number((await conn.execute<{ n: number }[]>(`select count(*) as n from ${table}${where}`))[0]!.n);
  // Changes only: reading the exception back (its scope's provider names) is an audited read, not a change.
  return {
    exceptions: await count('permitted_exception'),
    audit: await count('audit_entry', " where action <> 'provider.read'"),
  };
}

async function draft(kind: Kind, overrides: Partial<Input> = {}, by = owner): Promise<ExceptionFieldsFragment> {
  return (await by.ok(CreateExceptionDocument, { input: input(kind, overrides) })).createException;
}

async function auditActions(subject: string): Promise<string[]> {
  const rows = await app
    .em()
    .getConnection()
    .execute<{ action: string }[]>('select action from audit_entry where subject = ? order by id', [subject]);
  return rows.map((r) => r.action);
}

describe('permitted exceptions: lifecycle', () => {
  it.each(KINDS)('%s: drafted, approved by a second person, in effect, revoked at once', async (kind) => {
    const created = await draft(kind);
    expect(created).toMatchObject({
      kind,
      status: 'DRAFT',
      version: 1,
      missingEvidence: [],
      approvedBy: null,
      authoredBy: 'Administrator',
    });
    const field = {
      LAW: 'law',
      PROVIDER_AGREEMENT: 'providerAgreement',
      OUTSOURCING: 'outsourcing',
      BOARD_APPROVAL: 'boardApproval',
    }[kind];
    expect(
      Object.entries(created.evidence)
        .filter(([, v]) => v !== null && typeof v === 'object')
        .map(([k]) => k),
    ).toEqual([field]);

    const approved = (
      await officer.ok(ApproveExceptionDocument, { input: { id: created.id, expectedVersion: created.version } })
    ).approveException;
    expect(approved).toMatchObject({
      status: 'ACTIVE',
      approvedBy: 'Test PRIVACY_OFFICER',
      version: created.version + 1,
    });
    expect(approved.approvedAt).not.toBeNull();
    expect((await owner.ok(PermittedExceptionDocument, { id: created.id })).permittedException?.status).toBe('ACTIVE');

    const revoked = (
      await owner.ok(RevokeExceptionDocument, {
        input: {
          id: created.id,
          reason: 'The contract ended.',
          expectedVersion: approved.version,
        },
      })
    ).revokeException;
    expect(revoked).toMatchObject({
      status: 'REVOKED',
      revokedBy: 'Administrator',
      revocationReason: 'The contract ended.',
    });
    // Revocation bites at once: the very next read sees it, with no clock movement.
    expect((await officer.ok(PermittedExceptionDocument, { id: created.id })).permittedException?.status).toBe(
      'REVOKED',
    );
    expect(await auditActions(created.id)).toEqual(['exception.create', 'exception.approve', 'exception.revoke']);
  });

  it('shows what an exception covers', async () => {
    const e = await draft('OUTSOURCING');
    expect(e.scope).toEqual({
      purposeKeys: ['JOURNAL_DELIVERY'],
      categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
      allProviders: true,
      providerIds: [],
      withdrawnProviderIds: [],
      recipient: { id: refs.recipientId, name: 'Swift Courier Co.', kind: 'CONTRACTOR' },
    });
    expect(e.evidence.outsourcing).toMatchObject({
      contractReference: 'CT-2026-07',
      servesPurposeKey: 'JOURNAL_DELIVERY',
    });
    const law = await draft('LAW');
    expect(law.scope.providerIds).toEqual([refs.providerId]);
    expect(law.evidence.law?.issuedOn).toBe('2026-03-20T00:00:00.000Z');
  });

  it('expires at validUntil, derived at read time', async () => {
    const e = await draft('BOARD_APPROVAL', { validUntil: new Date(app.clock.now.getTime() + HOUR).toISOString() });
    await officer.ok(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } });
    expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException?.status).toBe('ACTIVE');
    app.clock.advance(HOUR + 1); // within the session's lifetime
    expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException?.status).toBe('EXPIRED');
    const expired = await owner.ok(PermittedExceptionsDocument, { status: 'EXPIRED' });
    expect(expired.permittedExceptions.map((x) => x.id)).toContain(e.id);
    expect(
      (await owner.ok(PermittedExceptionsDocument, { status: 'ACTIVE' })).permittedExceptions.map((x) => x.id),
    ).not.toContain(e.id);
  });

  it('is NOT_YET_VALID before validFrom', async () => {
    const from = new Date(app.clock.now.getTime() + 10 * DAY);
    const e = await draft('LAW', {
      validFrom: from.toISOString(),
      validUntil: new Date(from.getTime() + DAY).toISOString(),
    });
    const approved = (await officer.ok(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } }))
      .approveException;
    expect(approved.status).toBe('NOT_YET_VALID');
  });

  it('lists by kind and by effective status', async () => {
    const e = await draft('PROVIDER_AGREEMENT');
    const byKind = (await owner.ok(PermittedExceptionsDocument, { kind: 'PROVIDER_AGREEMENT' })).permittedExceptions;
    expect(byKind.length).toBeGreaterThan(0);
    expect(byKind.every((x) => x.kind === 'PROVIDER_AGREEMENT')).toBe(true);
    expect(byKind[0]!.id).toBe(e.id); // newest first
    const drafts = (await owner.ok(PermittedExceptionsDocument, { status: 'DRAFT' })).permittedExceptions;
    expect(drafts.every((x) => x.status === 'DRAFT')).toBe(true);
    expect(drafts.map((x) => x.id)).toContain(e.id);
  });

  it('edits a draft (the editor becomes its author) but not an approved exception', async () => {
    const e = await draft('OUTSOURCING');
    const updated = (
      await officer.ok(UpdateExceptionDocument, {
        input: {
          ...input('OUTSOURCING', { title: 'Courier, renewed contract' }),
          id: e.id,
          expectedVersion: e.version,
        },
      })
    ).updateException;
    expect(updated).toMatchObject({
      title: 'Courier, renewed contract',
      version: e.version + 1,
      authoredBy: 'Test PRIVACY_OFFICER',
    });
    // The officer now wrote it: the officer cannot approve, the owner can.
    expect(
      errorOf(
        await officer.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: updated.version } }),
      ).code,
    ).toBe('FORBIDDEN');
    const approved = (
      await owner.ok(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: updated.version } })
    ).approveException;
    const res = await owner.request(UpdateExceptionDocument, {
      input: { ...input('OUTSOURCING'), id: e.id, expectedVersion: approved.version },
    });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(errorOf(res).issues?.[0]?.code).toBe('INVALID_TRANSITION');
  });

  it('reports NOT_FOUND for unknown ids, malformed or not', async () => {
    for (const id of ['01900000-0000-7000-8000-000000000000', 'not-an-id', '------------------------------------']) {
      expect((await owner.ok(PermittedExceptionDocument, { id })).permittedException).toBeNull();
      expect(errorOf(await officer.request(ApproveExceptionDocument, { input: { id, expectedVersion: 1 } })).code).toBe(
        'NOT_FOUND',
      );
      expect(
        errorOf(await owner.request(RevokeExceptionDocument, { input: { id, reason: 'x', expectedVersion: 1 } })).code,
      ).toBe('NOT_FOUND');
    }
  });
});

describe('permitted exceptions: approval rules', () => {
  it('refuses self-approval (four eyes) with FORBIDDEN and a stable reason, changing nothing', async () => {
    const e = await draft('LAW');
    const before = await storedCounts();
    const res = await owner.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } });
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.extensions?.reason).toBe('SELF_APPROVAL');
    expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException).toMatchObject({
      status: 'DRAFT',
      version: e.version,
    });
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses viewers every write (FORBIDDEN) and anonymous callers (UNAUTHENTICATED); viewers may read', async () => {
    const viewer = await app.clientAs('VIEWER');
    const e = await draft('LAW');
    const before = await storedCounts();
    expect(errorOf(await viewer.request(CreateExceptionDocument, { input: input('LAW') })).code).toBe('FORBIDDEN');
    expect(
      errorOf(await viewer.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } })).code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(
        await viewer.request(RevokeExceptionDocument, { input: { id: e.id, reason: 'x', expectedVersion: e.version } }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(
        await viewer.request(UpdateExceptionDocument, {
          input: { ...input('LAW'), id: e.id, expectedVersion: e.version },
        }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(errorOf(await app.client().request(PermittedExceptionsDocument, {})).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await app.client().request(CreateExceptionDocument, { input: input('LAW') })).code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await viewer.ok(PermittedExceptionDocument, { id: e.id })).permittedException?.id).toBe(e.id);
    expect(await storedCounts()).toEqual(before);
  });

  const incomplete: [Kind, Partial<Input>, string[]][] = [
    [
      'LAW',
      { evidence: { law: { statute: 'Code of Criminal Procedure' } } },
      [
        'evidence.law.article',
        'evidence.law.requestingAuthority',
        'evidence.law.documentReference',
        'evidence.law.issuedOn',
      ],
    ],
    [
      'PROVIDER_AGREEMENT',
      { evidence: { providerAgreement: { summary: '   ' } } },
      ['evidence.providerAgreement.consentEventIds', 'evidence.providerAgreement.summary'],
    ],
    [
      'OUTSOURCING',
      { evidence: { outsourcing: { contractReference: 'CT-2026-07', servesPurposeKey: 'JOURNAL_DELIVERY' } } },
      ['evidence.outsourcing.recipientId', 'evidence.outsourcing.categories', 'evidence.outsourcing.supervisionRecord'],
    ],
    [
      'BOARD_APPROVAL',
      { evidence: { boardApproval: { meetingKind: 'GENERAL', resolutionNumber: 'R-1' } } },
      [
        'evidence.boardApproval.meetingDate',
        'evidence.boardApproval.legitimateReason',
        'evidence.boardApproval.minutesReference',
      ],
    ],
  ];

  it.each(incomplete)(
    '%s with incomplete evidence is a valid draft that cannot be approved',
    async (kind, override, missing) => {
      const e = await draft(kind, override);
      expect(e.status).toBe('DRAFT');
      expect(e.missingEvidence.map((i) => [i.field, i.code])).toEqual(missing.map((f) => [f, 'REQUIRED']));
      const before = await storedCounts();
      const res = await officer.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } });
      expect(errorOf(res).code).toBe('BAD_USER_INPUT');
      expect(errorOf(res).issues?.map((i) => i.field)).toEqual(expect.arrayContaining(missing));
      expect(errorOf(res).field).toBe(missing[0]);
      expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException?.status).toBe('DRAFT');
      expect(await storedCounts()).toEqual(before);
    },
  );

  it('refuses to approve an empty scope or an outsourcing recipient missing from the scope', async () => {
    const e = await draft('BOARD_APPROVAL', { scope: { purposeKeys: [], categories: [], allProviders: true } });
    const res = await officer.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } });
    expect(errorOf(res).issues?.map((i) => [i.field, i.code])).toEqual([
      ['scope.purposeKeys', 'REQUIRED'],
      ['scope.categories', 'REQUIRED'],
    ]);
    const o = await draft('OUTSOURCING', { scope: { ...input('OUTSOURCING').scope, recipientId: null } });
    expect(
      errorOf(await officer.request(ApproveExceptionDocument, { input: { id: o.id, expectedVersion: o.version } }))
        .issues,
    ).toContainEqual(expect.objectContaining({ field: 'scope.recipientId', code: 'REQUIRED' }));
  });

  it('drafts ahead of a legal order or a meeting, and refuses to approve before its date, changing nothing', async () => {
    const later = new Date(app.clock.now.getTime() + 3 * DAY).toISOString();
    const law = await draft('LAW', { evidence: { law: { ...input('LAW').evidence.law!, issuedOn: later } } });
    const board = await draft('BOARD_APPROVAL', {
      evidence: { boardApproval: { ...input('BOARD_APPROVAL').evidence.boardApproval!, meetingDate: later } },
    });
    const before = await storedCounts();
    for (const [e, field] of [
      [law, 'evidence.law.issuedOn'],
      [board, 'evidence.boardApproval.meetingDate'],
    ] as const) {
      const error = errorOf(
        await officer.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } }),
      );
      expect(error).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
        issues: [expect.objectContaining({ field, code: 'NOT_YET_HAPPENED' })],
      });
      expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException?.status).toBe('DRAFT');
    }
    expect(await storedCounts()).toEqual(before);
  });

  it('accepts an agreement citing a grant of each provider it covers', async () => {
    const e = await draft('PROVIDER_AGREEMENT', {
      evidence: {
        providerAgreement: {
          consentEventIds: [refs.consentEventIds[0]!, other.grantId],
          summary: 'Both members agreed.',
        },
      },
      scope: { ...input('PROVIDER_AGREEMENT').scope, providerIds: [refs.providerId, other.providerId] },
    });
    expect(
      (await officer.ok(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } })).approveException
        .status,
    ).toBe('ACTIVE');
  });

  it('checks an agreement’s consent events again at approval', async () => {
    const e = await draft('PROVIDER_AGREEMENT');
    // As a draft stored before the check existed would hold it: a refusal cited as the agreement.
    await app
      .em()
      .getConnection()
      .execute('update permitted_exception set evidence = ? where id = ?', [
        JSON.stringify({ consentEventIds: [refusalId], summary: 'Agreed.' }),
        e.id,
      ]);
    const before = await storedCounts();
    const res = await officer.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } });
    expect(errorOf(res)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'evidence.providerAgreement.consentEventIds[0]',
    });
    expect(errorOf(res).issues?.map((i) => [i.field, i.code])).toEqual([
      ['evidence.providerAgreement.consentEventIds[0]', 'NOT_GRANTED'],
      ['scope.providerIds[0]', 'CONSENT_MISSING'],
    ]);
    expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException).toMatchObject({
      status: 'DRAFT',
      version: e.version,
    });
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses at approval an agreement whose cited grant the provider has withdrawn since', async () => {
    const member = await collect();
    const provider = (await owner.ok(ProviderDocument, { id: member.providerId })).provider!;
    const grant = provider.consentHistory.find((c) => c.action === 'GRANT')!;
    const e = await draft('PROVIDER_AGREEMENT', {
      evidence: { providerAgreement: { consentEventIds: [grant.id], summary: 'Agreed to share their affiliation.' } },
      scope: { ...input('PROVIDER_AGREEMENT').scope, providerIds: [member.providerId] },
    });
    await owner.ok(RecordConsentDocument, {
      input: {
        providerId: member.providerId,
        purposeKey: grant.purpose.key,
        action: 'WITHDRAW',
        method: 'EMAIL_REPLY',
        expectedProviderVersion: provider.version,
      },
    });
    const before = await storedCounts();
    const res = await officer.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } });
    expect(errorOf(res).issues?.map((i) => [i.field, i.code])).toEqual([
      ['evidence.providerAgreement.consentEventIds[0]', 'NOT_GRANTED'],
      ['scope.providerIds[0]', 'CONSENT_MISSING'],
    ]);
    expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException?.status).toBe('DRAFT');
    expect(await storedCounts()).toEqual(before);
  });

  it('approves once: a second approval or revoking a draft is INVALID_TRANSITION', async () => {
    const e = await draft('LAW');
    const r = await owner.request(RevokeExceptionDocument, {
      input: {
        id: e.id,
        reason: 'Never mind',
        expectedVersion: e.version,
      },
    });
    expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const a = (await officer.ok(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } }))
      .approveException;
    const again = await owner.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: a.version } });
    expect(errorOf(again)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect(errorOf(again).issues?.[0]?.code).toBe('INVALID_TRANSITION');
  });

  it('refuses a revocation without a reason', async () => {
    const e = await draft('LAW');
    const a = (await officer.ok(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } }))
      .approveException;
    for (const reason of ['   ', 'x'.repeat(1001), 'bad\u202Ereason']) {
      const res = await owner.request(RevokeExceptionDocument, {
        input: { id: e.id, reason, expectedVersion: a.version },
      });
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    }
    expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException?.status).toBe('ACTIVE');
  });

  it('refuses stale versions with CONFLICT and changes nothing', async () => {
    const e = await draft('OUTSOURCING');
    const updated = (
      await owner.ok(UpdateExceptionDocument, {
        input: { ...input('OUTSOURCING'), title: 'Courier v2', id: e.id, expectedVersion: e.version },
      })
    ).updateException;
    const before = await storedCounts();
    const stale = await officer.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(updated.version);
    const staleEdit = await owner.request(UpdateExceptionDocument, {
      input: { ...input('OUTSOURCING'), id: e.id, expectedVersion: e.version },
    });
    expect(errorOf(staleEdit).code).toBe('CONFLICT');
    const approved = (
      await officer.ok(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: updated.version } })
    ).approveException;
    const staleRevoke = await owner.request(RevokeExceptionDocument, {
      input: {
        id: e.id,
        reason: 'x',
        expectedVersion: updated.version,
      },
    });
    expect(errorOf(staleRevoke).code).toBe('CONFLICT');
    expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException).toMatchObject({
      status: 'ACTIVE',
      version: approved.version,
    });
    expect((await storedCounts()).exceptions).toBe(before.exceptions);
  });

  it('lets exactly one of two concurrent approvals win', async () => {
    const e = await draft('LAW');
    const third = await app.clientAs('PRIVACY_OFFICER');
    const results = await Promise.all([
      officer.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } }),
      third.request(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } }),
    ]);
    const codes = results.map((r) => errorOf(r).code ?? 'OK').sort();
    expect(codes[1]).toBe('OK');
    expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(codes[0]);
    expect(await auditActions(e.id)).toEqual(['exception.create', 'exception.approve']);
  });
});

const hostile = 'A\u202Eevil';

/** The change to a PROVIDER_AGREEMENT input that cites these consent events instead (read as the case runs). */
const citing =
  (consentEventIds: () => string[]) =>
  (i: Input): Input => ({
    ...i,
    evidence: { providerAgreement: { ...i.evidence.providerAgreement, consentEventIds: consentEventIds() } },
  });
/** Bad inputs for createException and updateException alike: what each changes, the field and code refused. */
const BAD_INPUTS: [string, Kind, (i: Input) => Input, string, string][] = [
  ['an oversized title', 'LAW', (i) => ({ ...i, title: 'x'.repeat(1001) }), 'input.title', 'TOO_LONG'],
  ['a title just over its limit', 'LAW', (i) => ({ ...i, title: 'x'.repeat(201) }), 'input.title', 'TOO_LONG'],
  ['a blank title', 'LAW', (i) => ({ ...i, title: '  ' }), 'input.title', 'REQUIRED'],
  ['a bidi override in a title', 'LAW', (i) => ({ ...i, title: hostile }), 'input.title', 'CONTROL_CHARACTERS'],
  [
    'an oversized contract reference',
    'OUTSOURCING',
    (i) => ({ ...i, evidence: { outsourcing: { ...i.evidence.outsourcing, contractReference: 'x'.repeat(65) } } }),
    'input.evidence.outsourcing.contractReference',
    'TOO_LONG',
  ],
  [
    'a huge statute',
    'LAW',
    (i) => ({ ...i, evidence: { law: { ...i.evidence.law, statute: 'x'.repeat(10_001) } } }),
    'input.evidence.law.statute',
    'TOO_LONG',
  ],
  [
    'a control character in an article',
    'LAW',
    (i) => ({ ...i, evidence: { law: { ...i.evidence.law, article: 'Art.\u0000197' } } }),
    'input.evidence.law.article',
    'CONTROL_CHARACTERS',
  ],
  [
    'an unknown served purpose',
    'OUTSOURCING',
    (i) => ({ ...i, evidence: { outsourcing: { ...i.evidence.outsourcing, servesPurposeKey: 'SELLING_LISTS' } } }),
    'input.evidence.outsourcing.servesPurposeKey',
    'UNKNOWN_PURPOSE',
  ],
  [
    'a contract category the served purpose does not need',
    'OUTSOURCING',
    (i) => ({ ...i, evidence: { outsourcing: { ...i.evidence.outsourcing, categories: ['NAME', 'EMAIL'] } } }),
    'input.evidence.outsourcing.categories[1]',
    'CATEGORY_NOT_NEEDED',
  ],
  [
    'a scope beyond the contract',
    'OUTSOURCING',
    (i) => ({ ...i, scope: { ...i.scope, categories: ['NAME', 'TELEPHONE'] } }),
    'input.scope.categories[1]',
    'SCOPE_MISMATCH',
  ],
  [
    'a malformed purpose key',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, purposeKeys: ["x' OR 1=1 --"] } }),
    'input.scope.purposeKeys[0]',
    'INVALID_FORMAT',
  ],
  // Stated or not, purposes are keyed as policy-core keys them (a decision could not ask about any other key).
  [
    'a purpose key in another form',
    'BOARD_APPROVAL',
    (i) => ({ ...i, scope: { ...i.scope, purposeKeys: ['SAFETY_NOTICE', 'safety-notice'] } }),
    'input.scope.purposeKeys[1]',
    'INVALID_FORMAT',
  ],
  [
    'a blank purpose key',
    'BOARD_APPROVAL',
    (i) => ({ ...i, scope: { ...i.scope, purposeKeys: ['  '] } }),
    'input.scope.purposeKeys[0]',
    'REQUIRED',
  ],
  [
    'an unknown provider',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, providerIds: ['01900000-0000-7000-8000-000000000000'] } }),
    'input.scope.providerIds[0]',
    'INVALID_VALUE',
  ],
  [
    'a malformed provider id',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, providerIds: ['not-an-id'] } }),
    'input.scope.providerIds[0]',
    'INVALID_VALUE',
  ],
  [
    'an unknown recipient',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, recipientId: '01900000-0000-7000-8000-000000000000' } }),
    'input.scope.recipientId',
    'INVALID_VALUE',
  ],
  [
    'an unknown consent event',
    'PROVIDER_AGREEMENT',
    citing(() => ['01900000-0000-7000-8000-000000000000']),
    'input.evidence.providerAgreement.consentEventIds[0]',
    'INVALID_VALUE',
  ],
  [
    'a consent event that is no grant as the agreement',
    'PROVIDER_AGREEMENT',
    citing(() => [refs.consentEventIds[0]!, refusalId]),
    'input.evidence.providerAgreement.consentEventIds[1]',
    'NOT_GRANTED',
  ],
  [
    'a grant by a provider outside the scope',
    'PROVIDER_AGREEMENT',
    citing(() => [refs.consentEventIds[0]!, other.grantId]),
    'input.evidence.providerAgreement.consentEventIds[1]',
    'SCOPE_MISMATCH',
  ],
  [
    'a provider in the scope who did not agree',
    'PROVIDER_AGREEMENT',
    (i) => ({ ...i, scope: { ...i.scope, providerIds: [refs.providerId, other.providerId] } }),
    'input.scope.providerIds[1]',
    'CONSENT_MISSING',
  ],
  [
    'a malformed consent event id',
    'PROVIDER_AGREEMENT',
    citing(() => ["' or 1=1 --"]),
    'input.evidence.providerAgreement.consentEventIds[0]',
    'INVALID_VALUE',
  ],
  [
    'a provider agreement for all providers',
    'PROVIDER_AGREEMENT',
    (i) => ({ ...i, scope: { ...i.scope, allProviders: true, providerIds: [] } }),
    'input.scope.providerIds',
    'SCOPE_MISMATCH',
  ],
  [
    'all providers and a list',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, allProviders: true } }),
    'input.scope.providerIds',
    'INVALID_VALUE',
  ],
  [
    'evidence of another kind',
    'LAW',
    (i) => ({ ...i, evidence: { ...i.evidence, boardApproval: { resolutionNumber: 'R-1' } } }),
    'input.evidence.boardApproval',
    'INVALID_VALUE',
  ],
  ['no evidence part', 'LAW', (i) => ({ ...i, evidence: {} }), 'input.evidence.law', 'REQUIRED'],
  [
    'a validity that ends before it starts',
    'LAW',
    (i) => ({ ...i, validFrom: '2026-06-01T00:00:00.000Z', validUntil: '2026-05-01T00:00:00.000Z' }),
    'input.validUntil',
    'INVALID_VALUE',
  ],
  [
    'a validity already over',
    'LAW',
    (i) => ({ ...i, validFrom: '2020-01-01T00:00:00.000Z', validUntil: '2020-02-01T00:00:00.000Z' }),
    'input.validUntil',
    'INVALID_VALUE',
  ],
  [
    'too many purposes',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, purposeKeys: Array.from({ length: 101 }, (_, n) => `P${n}`) } }),
    'input.scope.purposeKeys',
    'TOO_LONG',
  ],
  [
    'an oversized purpose key',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, purposeKeys: [`P${'X'.repeat(1000)}`] } }),
    'input.scope.purposeKeys',
    'TOO_LONG',
  ],
  [
    'a purpose key just over its limit',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, purposeKeys: [`P${'X'.repeat(64)}`] } }),
    'input.scope.purposeKeys[0]',
    'TOO_LONG',
  ],
  [
    'too many providers',
    'LAW',
    (i) => ({
      ...i,
      scope: { ...i.scope, providerIds: Array.from({ length: 1001 }, () => '01900000-0000-7000-8000-000000000000') },
    }),
    'input.scope.providerIds',
    'TOO_LONG',
  ],
  [
    'too many consent events',
    'PROVIDER_AGREEMENT',
    citing(() => Array.from({ length: 101 }, () => refs.consentEventIds[0]!)),
    'input.evidence.providerAgreement.consentEventIds',
    'TOO_LONG',
  ],
  [
    'an oversized agreement summary',
    'PROVIDER_AGREEMENT',
    (i) => ({ ...i, evidence: { providerAgreement: { ...i.evidence.providerAgreement, summary: 'x'.repeat(1001) } } }),
    'input.evidence.providerAgreement.summary',
    'TOO_LONG',
  ],
  [
    'a bidi override in a resolution number',
    'BOARD_APPROVAL',
    (i) => ({ ...i, evidence: { boardApproval: { ...i.evidence.boardApproval, resolutionNumber: hostile } } }),
    'input.evidence.boardApproval.resolutionNumber',
    'CONTROL_CHARACTERS',
  ],
  [
    'an oversized recipient id',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, recipientId: 'r'.repeat(101) } }),
    'input.scope.recipientId',
    'TOO_LONG',
  ],
  [
    'a malformed recipient id',
    'LAW',
    (i) => ({ ...i, scope: { ...i.scope, recipientId: "' or 1=1 --" } }),
    'input.scope.recipientId',
    'INVALID_VALUE',
  ],
];

describe('permitted exceptions: bad input stores nothing', () => {
  it.each(BAD_INPUTS)('refuses %s with BAD_USER_INPUT naming the field', async (_name, kind, change, field, code) => {
    const before = await storedCounts();
    const res = await owner.request(CreateExceptionDocument, { input: change(input(kind)) });
    const err = errorOf(res);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.issues?.map((i) => [i.field, i.code])).toContainEqual([field, code]);
    expect(res.data).toBeNull();
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses unknown categories and kinds at the schema, naming the field', async () => {
    const before = await storedCounts();
    const mutation = 'mutation($input: CreateExceptionInput!) { createException(input: $input) { id } }';
    const badCategory = await owner.raw(mutation, {
      input: { ...input('LAW'), scope: { ...input('LAW').scope, categories: ['SHOE_SIZE'] } },
    });
    expect(badCategory.status).toBe(400);
    expect(errorOf(badCategory)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scope.categories[0]' });
    const badKind = await owner.raw(mutation, { input: { ...input('LAW'), kind: 'BECAUSE_WE_CAN' } });
    expect(errorOf(badKind)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    expect(JSON.stringify([badCategory, badKind])).not.toMatch(/at .*\.(js|ts):\d+|node_modules/);
    expect(await storedCounts()).toEqual(before);
  });

  it('stores SQL-looking text as plain data', async () => {
    const title = "Robert'); DROP TABLE permitted_exception;--";
    const e = await draft('BOARD_APPROVAL', { title });
    expect((await owner.ok(PermittedExceptionDocument, { id: e.id })).permittedException?.title).toBe(title);
  });
});

describe('permitted exceptions: a bad update changes nothing', () => {
  const drafts = new Map<Kind, ExceptionFieldsFragment>();
  beforeAll(async () => {
    for (const kind of KINDS) drafts.set(kind, await draft(kind));
  });

  /** The draft as stored and presented, with the counts of rows and audit entries. */
  async function snapshot(id: string) {
    return {
      stored: (await owner.ok(PermittedExceptionDocument, { id })).permittedException,
      counts: await storedCounts(),
    };
  }

  it.each(BAD_INPUTS)('refuses %s with BAD_USER_INPUT naming the field', async (_name, kind, change, field, code) => {
    const e = drafts.get(kind)!;
    const before = await snapshot(e.id);
    // The officer edits: had the update gone through, the author would have changed too.
    const res = await officer.request(UpdateExceptionDocument, {
      input: { ...change(input(kind)), id: e.id, expectedVersion: e.version },
    });
    const err = errorOf(res);
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.issues?.map((i) => [i.field, i.code])).toContainEqual([field, code]);
    expect(res.data).toBeNull();
    expect(await snapshot(e.id)).toEqual(before);
  });

  it('answers unknown and malformed ids NOT_FOUND, an oversized one BAD_USER_INPUT, changing nothing', async () => {
    const e = drafts.get('LAW')!;
    const before = await snapshot(e.id);
    for (const id of [
      '01900000-0000-7000-8000-000000000000',
      'not-an-id',
      "' or 1=1 --",
      e.id.toUpperCase().replace(/.$/, 'Z'),
    ]) {
      const res = await owner.request(UpdateExceptionDocument, {
        input: { ...input('LAW', { title: 'Changed' }), id, expectedVersion: e.version },
      });
      expect(errorOf(res), id).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
    const oversized = await owner.request(UpdateExceptionDocument, {
      input: { ...input('LAW', { title: 'Changed' }), id: 'x'.repeat(101), expectedVersion: e.version },
    });
    expect(errorOf(oversized)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(await snapshot(e.id)).toEqual(before);
  });

  it('refuses unknown categories and kinds at the schema, changing nothing', async () => {
    const e = drafts.get('LAW')!;
    const before = await snapshot(e.id);
    const mutation = 'mutation($input: UpdateExceptionInput!) { updateException(input: $input) { id } }';
    const base = { ...input('LAW'), id: e.id, expectedVersion: e.version };
    const badCategory = await owner.raw(mutation, {
      input: { ...base, scope: { ...base.scope, categories: ['SHOE_SIZE'] } },
    });
    expect(errorOf(badCategory)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scope.categories[0]' });
    const badKind = await owner.raw(mutation, { input: { ...base, kind: 'BECAUSE_WE_CAN' } });
    expect(errorOf(badKind)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    const badVersion = await owner.raw(mutation, { input: { ...base, expectedVersion: 'one' } });
    expect(errorOf(badVersion)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expectedVersion' });
    expect(await snapshot(e.id)).toEqual(before);
  });
});
