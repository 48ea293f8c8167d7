import {
  ChangeRequestStatusDocument,
  CreateProviderRequestDocument,
  CreateRecipientDocument,
  DecisionDocument,
  IssuePartnerKeyDocument,
  IssueSystemKeyDocument,
  LinkRequestProviderDocument,
  ProduceDisclosurePackageDocument,
  RecordCollectionDocument,
  RevokeSystemKeyDocument,
  SetMyLanguageDocument,
  SystemCredentialsDocument,
  VerifyLedgerDocument,
  VerifyRequestIdentityDocument,
  type DecisionQueryVariables,
  type IssueSystemKeyMutationVariables,
} from '@steward/schema';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiKey } from '../common/api-key.js';
import { SESSION_COOKIE } from '../server.js';
import { buildCollectionInput } from '../test/factories.js';
import { auditTrail, expectKeyStoredAsHashOnly } from '../test/stored.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';

type IssueInput = IssueSystemKeyMutationVariables['input'];

interface KeyResponse {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

// Keys are looked up by common/key-auth.ts and decisions read their facts in decisions/decision-facts.ts,
// whose SQL partners.test.ts and decisions.test.ts run on PostgreSQL; what is the systems' own is
// ORM-level, so this suite runs on SQLite only (test/databases.ts).
describe.each(DATABASES)('internal systems on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let subscriberId: string;
  /** The membership database's key, issued in beforeAll. */
  let key: string;
  let credentialId: string;

  const DECISION = print(DecisionDocument);
  const decisionInput = (): DecisionQueryVariables['input'] => ({
    action: 'USE',
    providerId: subscriberId,
    purposeKey: 'JOURNAL_DELIVERY',
    categories: ['NAME', 'POSTAL_ADDRESS'],
  });

  /** A request as the internal system sends it: no cookie, the key as a bearer token. */
  async function asSystem(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = { authorization: `Bearer ${key}` },
  ): Promise<KeyResponse> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as KeyResponse['body'] };
  }

  async function count(table: string, where = ''): Promise<number> {
    const rows = await app
      .em()
      .getConnection()
      .execute<{ n: number | string }[]>(`select count(*) as n from ${table} ${where}`);
    return Number(rows[0]!.n);
  }

  /** What a refused request must leave untouched. */
  async function stored() {
    const revoked = await app
      .em()
      .getConnection()
      .execute<{ id: string; revoked_at: unknown }[]>('select id, revoked_at from system_credential order by id');
    return {
      credentials: await count('system_credential'),
      revoked: JSON.stringify(revoked),
      audit: await count('audit_entry'),
      ledger: await count('ledger_entry'),
      recipients: await count('recipient'),
      partnerKeys: await count('partner_credential'),
    };
  }

  const issue = (client: TestClient, input: Partial<IssueInput> = {}) =>
    client.request(IssueSystemKeyDocument, {
      input: { systemName: 'Membership database', label: 'Nightly sync', ...input },
    });

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    subscriberId = (
      await owner.ok(RecordCollectionDocument, {
        input: buildCollectionInput({
          purposes: [{ purposeKey: 'JOURNAL_DELIVERY', granted: true }],
          items: [
            { category: 'NAME', value: 'Kaito Mori' },
            { category: 'POSTAL_ADDRESS', value: '1-5-9 Kudan-kita, Chiyoda-ku' },
          ],
        }),
      })
    ).recordCollection.provider.id;
    const issued = (
      await owner.ok(IssueSystemKeyDocument, { input: { systemName: 'Membership database', label: 'Production' } })
    ).issueSystemKey;
    key = issued.key;
    credentialId = issued.credential.id;
  });
  afterAll(() => app?.close());

  describe('issuing and revoking keys', () => {
    it('shows the key once, stores only a hash of its secret, lists it and audits the issue', async () => {
      const before = await stored();
      const res = await issue(officer, { systemName: '  Mailing tool  ', label: ' Newsletter sender ' });
      const issued = res.data!.issueSystemKey;
      const parsed = parseApiKey('system', issued.key);
      expect(parsed).not.toBeNull();
      expect(issued.key.startsWith('sys_')).toBe(true);
      expect(issued.credential).toMatchObject({
        systemName: 'Mailing tool',
        key: {
          label: 'Newsletter sender',
          keyId: parsed!.keyId,
          createdBy: 'Test PRIVACY_OFFICER',
          lastUsedAt: null,
          revokedAt: null,
          revoked: false,
        },
      });
      expect(await stored()).toEqual({
        ...before,
        credentials: before.credentials + 1,
        audit: before.audit + 1,
        revoked: expect.any(String),
      });

      // The secret is nowhere in the database: not in the credential, not in the audit trail.
      await expectKeyStoredAsHashOnly(app, { key: issued.key, ...parsed! }, 'system_credential', [
        'system_credential',
        'audit_entry',
      ]);

      // Never shown again: the list carries the key id only, and the hash is no field at all.
      const list = await owner.request(SystemCredentialsDocument);
      expect(JSON.stringify(list)).not.toContain(parsed!.secret);
      expect(list.data!.systemCredentials.map((c) => c.id).slice(0, 2)).toEqual([issued.credential.id, credentialId]);
      for (const hash of ['secretHash', 'key { secretHash }']) {
        expect(errorOf(await owner.raw(`{ systemCredentials { ${hash} } }`)).code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
      const audit = await app
        .em()
        .getConnection()
        .execute<{ action: string; detail: unknown }[]>('select action, detail from audit_entry where subject = ?', [
          issued.credential.id,
        ]);
      expect(audit.map((a) => a.action)).toEqual(['system_key.issue']);
    });

    it('revokes a key at once and marks it, with an audit entry', async () => {
      const issued = (await issue(owner, { label: 'To be revoked' })).data!.issueSystemKey;
      const revoked = (await officer.ok(RevokeSystemKeyDocument, { input: { id: issued.credential.id } }))
        .revokeSystemKey;
      expect(revoked).toMatchObject({ id: issued.credential.id, key: { revoked: true, label: 'To be revoked' } });
      expect(revoked.key.revokedAt).not.toBeNull();
      const listed = (await owner.ok(SystemCredentialsDocument)).systemCredentials.find(
        (c) => c.id === issued.credential.id,
      );
      expect(listed).toMatchObject({ key: { revoked: true } });
      const actions = await auditTrail(app, issued.credential.id);
      expect(actions.map((a) => a.action)).toEqual(['system_key.issue', 'system_key.revoke']);
      // Both entries name the system and the key id (never the key).
      const keyId = parseApiKey('system', issued.key)!.keyId;
      expect(actions.map((a) => a.detail)).toEqual([
        { systemName: 'Membership database', keyId },
        { systemName: 'Membership database', keyId },
      ]);
    });

    const badIssues: [string, Partial<IssueInput>, string, string][] = [
      ['a blank system name', { systemName: '   ' }, 'input.systemName', 'REQUIRED'],
      ['an empty system name', { systemName: '' }, 'input.systemName', 'REQUIRED'],
      ['a system name just over its limit', { systemName: 'x'.repeat(201) }, 'input.systemName', 'TOO_LONG'],
      ['an oversized system name', { systemName: 'x'.repeat(1001) }, 'input.systemName', 'TOO_LONG'],
      [
        'a bidi override in the system name',
        { systemName: 'Mailer\u202Eevil' },
        'input.systemName',
        'CONTROL_CHARACTERS',
      ],
      ['a line break in the system name', { systemName: 'Mailing\ntool' }, 'input.systemName', 'CONTROL_CHARACTERS'],
      ['a blank label', { label: ' ' }, 'input.label', 'REQUIRED'],
      ['a label just over its limit', { label: 'x'.repeat(121) }, 'input.label', 'TOO_LONG'],
      ['a control character in the label', { label: 'sync\u0007' }, 'input.label', 'CONTROL_CHARACTERS'],
    ];

    it.each(badIssues)(
      'refuses %s with BAD_USER_INPUT naming the field, storing nothing',
      async (_name, input, field, code) => {
        const before = await stored();
        const res = await issue(owner, input);
        expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(errorOf(res).issues?.map((i) => [i.field, i.code])).toContainEqual([field, code]);
        expect(res.data ?? null).toBeNull();
        expect(await stored()).toEqual(before);
      },
    );

    it('refuses a missing system name or label before anything runs, storing nothing', async () => {
      const before = await stored();
      const mutation = print(IssueSystemKeyDocument);
      expect(errorOf(await owner.raw(mutation, { input: { label: 'Nightly sync' } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.systemName',
      });
      expect(errorOf(await owner.raw(mutation, { input: { systemName: 'Mailing tool' } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.label',
      });
      expect(errorOf(await owner.raw(mutation, { input: { systemName: null, label: 'x' } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.systemName',
      });
      expect(await stored()).toEqual(before);
    });

    it('refuses unknown and malformed ids and revoking twice, changing nothing', async () => {
      const issued = (await issue(owner, { label: 'Revoked once' })).data!.issueSystemKey;
      await owner.ok(RevokeSystemKeyDocument, { input: { id: issued.credential.id } });
      const before = await stored();
      for (const id of ['01900000-0000-7000-8000-000000000000', 'nope', "' or 1=1 --", '']) {
        expect(errorOf(await owner.request(RevokeSystemKeyDocument, { input: { id } }))).toMatchObject({
          code: 'NOT_FOUND',
          field: 'id',
        });
      }
      // A partner key's credential is not a system key.
      const courier = (
        await owner.ok(CreateRecipientDocument, { input: { name: `Courier ${database}`, kind: 'CONTRACTOR' } })
      ).createRecipient;
      const partnerKey = (
        await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: courier.id, label: 'Dispatch' } })
      ).issuePartnerKey;
      const afterSetup = await stored();
      expect(
        errorOf(await owner.request(RevokeSystemKeyDocument, { input: { id: partnerKey.credential.id } })),
      ).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
      const twice = await officer.request(RevokeSystemKeyDocument, { input: { id: issued.credential.id } });
      expect(errorOf(twice)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(errorOf(twice).issues?.[0]?.code).toBe('INVALID_TRANSITION');
      expect(await stored()).toEqual(afterSetup);
      expect(afterSetup).toMatchObject({ credentials: before.credentials, revoked: before.revoked });
    });

    it('is for owners and privacy officers only: viewers are FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
      const viewer = await app.clientAs('VIEWER');
      const anonymous = app.client();
      const before = await stored();
      expect(errorOf(await viewer.request(SystemCredentialsDocument)).code).toBe('FORBIDDEN');
      expect(
        errorOf(await viewer.request(IssueSystemKeyDocument, { input: { systemName: 'Mailing tool', label: 'x' } }))
          .code,
      ).toBe('FORBIDDEN');
      expect(errorOf(await viewer.request(RevokeSystemKeyDocument, { input: { id: credentialId } })).code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await anonymous.request(SystemCredentialsDocument)).code).toBe('UNAUTHENTICATED');
      expect(
        errorOf(await anonymous.request(IssueSystemKeyDocument, { input: { systemName: 'Mailing tool', label: 'x' } }))
          .code,
      ).toBe('UNAUTHENTICATED');
      expect(errorOf(await anonymous.request(RevokeSystemKeyDocument, { input: { id: credentialId } })).code).toBe(
        'UNAUTHENTICATED',
      );
      // The decision stays closed to viewers, as before.
      expect(errorOf(await viewer.request(DecisionDocument, { input: decisionInput() })).code).toBe('FORBIDDEN');
      expect(await stored()).toEqual(before);
    });
  });

  describe('a system key asking for decisions', () => {
    it('gets the decision an owner gets, recorded with system:<credential id> as the actor in the ledger', async () => {
      // Reasons are worded in English for a system whatever the organisation's default (Japanese
      // here); the owner reads English by choice, so the two answers are the same.
      await owner.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
      const admin = (await owner.ok(DecisionDocument, { input: decisionInput() })).decision;
      const res = await asSystem(DECISION, { input: decisionInput() });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      const decision = res.body.data!.decision as typeof admin;
      expect(decision).toMatchObject({
        allowed: true,
        basis: { kind: 'CONSENT' },
        permitted: ['NAME', 'POSTAL_ADDRESS'],
        policyVersion: 1,
      });
      expect(decision.reasons.map((r) => r.message)).toContain(
        'Consent to "Delivery of the Journal and publications" is granted.',
      );
      expect({ ...decision, decidedAt: null, ledgerSequence: null }).toEqual({
        ...admin,
        decidedAt: null,
        ledgerSequence: null,
      });

      const [entry] = await app
        .em()
        .getConnection()
        .execute<{ actor: string; kind: string; provider_id: string }[]>(
          'select actor, kind, provider_id from ledger_entry where sequence = ?',
          [decision.ledgerSequence],
        );
      expect(entry).toEqual({ actor: `system:${credentialId}`, kind: 'DECISION', provider_id: subscriberId });
      // The owner's decision is still the owner's.
      const [own] = await app
        .em()
        .getConnection()
        .execute<{ actor: string }[]>('select actor from ledger_entry where sequence = ?', [admin.ledgerSequence]);
      expect(own!.actor).toMatch(/^admin:/);
      expect((await owner.ok(VerifyLedgerDocument)).verifyLedger).toMatchObject({ ok: true });
    });

    it('may select decision through aliases and fragments, and __typename, but nothing else', async () => {
      const res = await asSystem(
        `query Q($input: DecisionRequestInput!) {
          __typename
          a: decision(input: $input) { allowed }
          ...F
          ... on Query { c: decision(input: $input) { __typename permitted } }
        }
        fragment F on Query { b: decision(input: $input) { allowed reasons { code } } }`,
        { input: decisionInput() },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toMatchObject({
        __typename: 'Query',
        a: { allowed: true },
        b: { allowed: true },
        c: { __typename: 'Decision' },
      });
    });

    it('is refused every other field, mutation and introspection, however it is reached, before anything runs', async () => {
      const recipient = (
        await owner.ok(CreateRecipientDocument, { input: { name: `Mailer Ltd ${database}`, kind: 'CONTRACTOR' } })
      ).createRecipient;
      const decision = `decision(input: { action: USE, providerId: "${subscriberId}", purposeKey: "JOURNAL_DELIVERY", categories: [NAME] }) { allowed }`;
      const attempts = [
        '{ providers { edges { node { id reference displayName dataItems { value } } } } }',
        `{ provider(id: "${subscriberId}") { id displayName dataItems { category value } } }`,
        '{ partnerProviders { edges { node { id items { value } } } } }',
        `{ partnerProvider(id: "${subscriberId}") { id items { value } } }`,
        '{ systemCredentials { id key { keyId } } }',
        '{ recipients { id name } }',
        '{ auditLog { edges { node { id } } } }',
        '{ me { id email } }',
        '{ verifyLedger { ok } }',
        '{ permittedExceptions { id title } }',
        '{ __schema { types { name fields { name } } } }',
        '{ __type(name: "Provider") { fields { name } } }',
        `{ ${decision} providers { edges { node { displayName } } } }`,
        `{ ${decision} ...F } fragment F on Query { providers { edges { node { displayName } } } }`,
        `{ ${decision} ... on Query { me { email } } }`,
        `{ a: ${decision} b: auditLog { edges { node { id } } } }`,
        `{ a: ${decision} b: partnerProviders { edges { node { id } } } }`,
        'mutation { issueSystemKey(input: { systemName: "Evil", label: "x" }) { key } }',
        `mutation { revokeSystemKey(input: { id: "${credentialId}" }) { id } }`,
        'mutation { createRecipient(input: { name: "Evil", kind: CONTRACTOR }) { id } }',
        `mutation { issuePartnerKey(input: { recipientId: "${recipient.id}", label: "evil" }) { key } }`,
        'mutation { logout }',
        'mutation { __typename }',
      ];
      const before = await stored();
      for (const query of attempts) {
        const res = await asSystem(query);
        expect(res.body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
        expect(res.body.errors?.[0]?.message, query).toBe('An internal system key can only ask for decisions');
        expect(res.body.data ?? null, query).toBeNull();
        expect(res.status, query).toBe(403);
        expect(res.text, query).not.toContain('Kaito');
      }
      // Nothing ran: no decision recorded, no key issued or revoked, no recipient created.
      expect(await stored()).toEqual(before);
      // Nested paths to other data do not exist on the decision: refused by validation, nothing runs.
      const nested = await asSystem(
        `{ decision(input: { action: USE, providerId: "${subscriberId}", purposeKey: "JOURNAL_DELIVERY", categories: [NAME] }) { allowed provider { displayName } } }`,
      );
      expect(nested.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(await stored()).toEqual(before);
    });

    it('answers unknown, wrong, malformed and revoked keys alike (UNAUTHENTICATED), and never a key together with a session', async () => {
      const before = await stored();
      const parsed = parseApiKey('system', key)!;
      const revoked = (await issue(owner, { label: 'Old' })).data!.issueSystemKey;
      await owner.ok(RevokeSystemKeyDocument, { input: { id: revoked.credential.id } });
      const afterSetup = await stored();
      const keys = [
        `sys_${'0'.repeat(16)}_${'a'.repeat(64)}`,
        key.replace(/.$/, key.endsWith('0') ? '1' : '0'),
        `sys_${parsed.keyId}_${'f'.repeat(64)}`,
        'sys_nope',
        `sys_${parsed.keyId}`,
        `${key}0`,
        revoked.key,
      ];
      const answers = await Promise.all(
        keys.map((k) => asSystem(DECISION, { input: decisionInput() }, { authorization: `Bearer ${k}` })),
      );
      for (const res of answers) {
        expect(res.status).toBe(401);
        expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.text).toBe(answers[0]!.text);
      }
      // The same id and secret presented as a partner key name no partner credential.
      const asPartner = await asSystem(
        DECISION,
        { input: decisionInput() },
        { authorization: `Bearer ${key.replace(/^sys_/, 'stw_')}` },
      );
      expect(asPartner.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const both = await asSystem(
        DECISION,
        { input: decisionInput() },
        { authorization: `Bearer ${key}`, cookie: `${SESSION_COOKIE}=${owner.cookie}` },
      );
      expect(both.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(both.body.data ?? null).toBeNull();
      expect(await stored()).toEqual({ ...afterSetup });
      expect(afterSetup.ledger).toBe(before.ledger);
    });

    it('refuses a key the moment it is revoked', async () => {
      const issued = (await issue(owner, { systemName: 'Mailing tool', label: 'Temporary' })).data!.issueSystemKey;
      const auth = { authorization: `Bearer ${issued.key}` };
      expect((await asSystem(DECISION, { input: decisionInput() }, auth)).body.errors).toBeUndefined();
      await officer.ok(RevokeSystemKeyDocument, { input: { id: issued.credential.id } });
      const ledger = await count('ledger_entry');
      const res = await asSystem(DECISION, { input: decisionInput() }, auth);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.data ?? null).toBeNull();
      expect(await count('ledger_entry')).toBe(ledger);
      // The other keys keep working.
      expect((await asSystem(DECISION, { input: decisionInput() })).body.errors).toBeUndefined();
    });

    it('records lastUsedAt at most once a minute', async () => {
      const issued = (await issue(owner, { label: 'Usage' })).data!.issueSystemKey;
      const auth = { authorization: `Bearer ${issued.key}` };
      const read = async () =>
        (
          await app
            .em()
            .getConnection()
            .execute<{ last_used_at: unknown }[]>('select last_used_at from system_credential where id = ?', [
              issued.credential.id,
            ])
        )[0]!.last_used_at;
      expect(await read()).toBeNull();
      await asSystem(DECISION, { input: decisionInput() }, auth);
      const first = await read();
      expect(first).not.toBeNull();
      await asSystem(DECISION, { input: decisionInput() }, auth);
      expect(String(await read())).toBe(String(first));
      app.clock.advance(61_000);
      await asSystem(DECISION, { input: decisionInput() }, auth);
      expect(String(await read())).not.toBe(String(first));
      const listed = (await owner.ok(SystemCredentialsDocument)).systemCredentials.find(
        (c) => c.id === issued.credential.id,
      );
      expect(listed?.key.lastUsedAt).not.toBeNull();
    });

    it("names the internal system in the provider's disclosure package", async () => {
      await asSystem(DECISION, { input: decisionInput() });
      let request = (
        await officer.ok(CreateProviderRequestDocument, {
          input: { kind: 'DISCLOSURE', channel: 'POST', requesterName: 'Kaito Mori', contact: '1-5-9 Kudan-kita' },
        })
      ).createProviderRequest;
      request = (
        await officer.ok(LinkRequestProviderDocument, {
          input: {
            requestId: request.id,
            providerId: subscriberId,
            expectedVersion: request.version,
          },
        })
      ).linkRequestProvider;
      request = (
        await officer.ok(ChangeRequestStatusDocument, {
          input: { requestId: request.id, expectedVersion: request.version, status: 'VERIFYING' },
        })
      ).changeRequestStatus;
      request = (
        await officer.ok(VerifyRequestIdentityDocument, {
          input: { requestId: request.id, expectedVersion: request.version, method: 'ID_DOCUMENT' },
        })
      ).verifyRequestIdentity;
      request = (
        await officer.ok(ChangeRequestStatusDocument, {
          input: { requestId: request.id, expectedVersion: request.version, status: 'IN_PROGRESS' },
        })
      ).changeRequestStatus;
      const pkg = (await officer.ok(ProduceDisclosurePackageDocument, { input: { requestId: request.id } }))
        .produceDisclosurePackage;
      // The subscriber is Japanese (the organisation's default), and so is their package.
      expect(pkg.actors).toContainEqual({
        ref: `system:${credentialId}`,
        description: '内部システム Membership database',
      });
      expect(pkg.actors.find((a) => a.ref.startsWith('admin:'))?.description).toMatch(/^事務局 .+（オーナー）$/);
    });
  });
});
