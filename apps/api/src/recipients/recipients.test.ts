import {
  CreateRecipientDocument,
  IssuePartnerKeyDocument,
  RecipientDocument,
  RecipientsDocument,
  RevokePartnerKeyDocument,
  type CreateRecipientMutationVariables,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, expectKeyStoredAsHashOnly } from '../test/stored.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { API_KEY_PREFIXES, apiKeyKindOf, generateApiKey, parseApiKey, secretMatches } from '../common/api-key.js';

type Input = CreateRecipientMutationVariables['input'];

let app: TestApp;
let owner: TestClient;
let seq = 0;

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.clientAs('OWNER');
});
afterAll(() => app.close());

const recipientInput = (overrides: Partial<Input> = {}): Input => ({
  name: `Swift Courier Co. ${++seq}`,
  kind: 'CONTRACTOR',
  contact: 'Data protection desk\n1-2-3 Shiba, Minato-ku, Tokyo',
  notes: 'Delivers the journal.',
  ...overrides,
});

async function storedCounts() {
  const conn = app.em().getConnection();
  const count = async (table: string) =>
    Number((await conn.execute<{ n: number }[]>(`select count(*) as n from ${table}`))[0]!.n);
  return {
    recipients: await count('recipient'),
    credentials: await count('partner_credential'),
    audit: await count('audit_entry'),
  };
}

describe('recipients', () => {
  it('creates a recipient, lists and reads it, and audits the change', async () => {
    const before = await storedCounts();
    const created = (await owner.ok(CreateRecipientDocument, { input: recipientInput({ name: '  Tokyo Courier  ' }) }))
      .createRecipient;
    expect(created).toMatchObject({
      name: 'Tokyo Courier',
      kind: 'CONTRACTOR',
      notes: 'Delivers the journal.',
      credentials: [],
    });
    expect(created.contact).toContain('\n');
    expect((await owner.ok(RecipientDocument, { id: created.id })).recipient?.name).toBe('Tokyo Courier');
    expect((await owner.ok(RecipientsDocument)).recipients.map((r) => r.id)).toContain(created.id);
    expect(await storedCounts()).toEqual({
      recipients: before.recipients + 1,
      credentials: before.credentials,
      audit: before.audit + 1,
    });
  });

  it('answers null for unknown or malformed ids', async () => {
    expect((await owner.ok(RecipientDocument, { id: '01900000-0000-7000-8000-000000000000' })).recipient).toBeNull();
    expect((await owner.ok(RecipientDocument, { id: "x' or 1=1" })).recipient).toBeNull();
  });

  const bad: [string, Partial<Input>, string, string][] = [
    ['a blank name', { name: '   ' }, 'input.name', 'REQUIRED'],
    ['an oversized name', { name: 'x'.repeat(1001) }, 'input.name', 'TOO_LONG'],
    ['a name just over its limit', { name: 'x'.repeat(201) }, 'input.name', 'TOO_LONG'],
    ['a bidi override', { name: 'Courier\u202Eevil' }, 'input.name', 'CONTROL_CHARACTERS'],
    ['a control character in the contact', { contact: 'desk\u0007' }, 'input.contact', 'CONTROL_CHARACTERS'],
    ['oversized notes', { notes: 'x'.repeat(10_001) }, 'input.notes', 'TOO_LONG'],
    ['notes just over their limit', { notes: 'x'.repeat(1001) }, 'input.notes', 'TOO_LONG'],
  ];

  it.each(bad)(
    'refuses %s with BAD_USER_INPUT naming the field, storing nothing',
    async (_n, override, field, code) => {
      const before = await storedCounts();
      const res = await owner.request(CreateRecipientDocument, { input: recipientInput(override) });
      expect(errorOf(res).code).toBe('BAD_USER_INPUT');
      expect(errorOf(res).issues?.map((i) => [i.field, i.code])).toContainEqual([field, code]);
      expect(await storedCounts()).toEqual(before);
    },
  );

  it('refuses a duplicate name and an unknown kind', async () => {
    await owner.ok(CreateRecipientDocument, { input: recipientInput({ name: 'Only Once Ltd' }) });
    const before = await storedCounts();
    const dup = await owner.request(CreateRecipientDocument, { input: recipientInput({ name: 'Only Once Ltd' }) });
    expect(errorOf(dup)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(errorOf(dup).issues?.[0]?.code).toBe('DUPLICATE');
    const kind = await owner.raw('mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id } }', {
      input: { ...recipientInput(), kind: 'FRIEND' },
    });
    expect(errorOf(kind)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    expect(await storedCounts()).toEqual(before);
  });

  it('refuses viewers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED); viewers may read', async () => {
    const viewer = await app.clientAs('VIEWER');
    const r = (await owner.ok(CreateRecipientDocument, { input: recipientInput() })).createRecipient;
    const before = await storedCounts();
    expect(errorOf(await viewer.request(CreateRecipientDocument, { input: recipientInput() })).code).toBe('FORBIDDEN');
    expect(
      errorOf(await viewer.request(IssuePartnerKeyDocument, { input: { recipientId: r.id, label: 'k' } })).code,
    ).toBe('FORBIDDEN');
    expect(errorOf(await app.client().request(RecipientsDocument)).code).toBe('UNAUTHENTICATED');
    expect((await viewer.ok(RecipientDocument, { id: r.id })).recipient?.id).toBe(r.id);
    expect(await storedCounts()).toEqual(before);
  });
});

describe('partner keys', () => {
  it('shows the key once and stores only a hash of its secret', async () => {
    const r = (await owner.ok(CreateRecipientDocument, { input: recipientInput() })).createRecipient;
    const issued = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: r.id, label: 'Dispatch system' } }))
      .issuePartnerKey;
    const parsed = parseApiKey('partner', issued.key);
    expect(parsed).not.toBeNull();
    expect(issued.credential.key).toMatchObject({
      label: 'Dispatch system',
      keyId: parsed!.keyId,
      createdBy: 'Administrator',
      revoked: false,
      revokedAt: null,
    });

    // The secret is nowhere in the database: not in the credential, not in the audit trail.
    await expectKeyStoredAsHashOnly(app, { key: issued.key, ...parsed! }, 'partner_credential', [
      'partner_credential',
      'audit_entry',
      'recipient',
    ]);

    // Never shown again: reads carry the key id only.
    const read = await owner.raw('query($id: ID!) { recipient(id: $id) { credentials { id key { keyId label } } } }', {
      id: r.id,
    });
    expect(JSON.stringify(read)).not.toContain(parsed!.secret);
    expect((await owner.ok(RecipientDocument, { id: r.id })).recipient?.credentials.map((c) => c.key.keyId)).toEqual([
      parsed!.keyId,
    ]);
    for (const hash of ['secretHash', 'key { secretHash }']) {
      const hashField = await owner.raw(`query($id: ID!) { recipient(id: $id) { credentials { ${hash} } } }`, {
        id: r.id,
      });
      expect(errorOf(hashField).code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('revokes a key at once and marks it; revoking twice is refused', async () => {
    const r = (await owner.ok(CreateRecipientDocument, { input: recipientInput() })).createRecipient;
    const issued = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: r.id, label: 'Old system' } }))
      .issuePartnerKey;
    const second = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: r.id, label: 'New system' } }))
      .issuePartnerKey;
    expect(second.key).not.toBe(issued.key);
    const revoked = (await owner.ok(RevokePartnerKeyDocument, { input: { id: issued.credential.id } }))
      .revokePartnerKey;
    expect(revoked).toMatchObject({ id: issued.credential.id, key: { revoked: true } });
    expect(revoked.key.revokedAt).not.toBeNull();
    const creds = (await owner.ok(RecipientDocument, { id: r.id })).recipient!.credentials;
    expect(creds.map((c) => [c.key.label, c.key.revoked])).toEqual([
      ['New system', false],
      ['Old system', true],
    ]);
    const again = await owner.request(RevokePartnerKeyDocument, { input: { id: issued.credential.id } });
    expect(errorOf(again)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const actions = await auditTrail(app, issued.credential.id);
    expect(actions.map((a) => a.action)).toEqual(['partner_key.issue', 'partner_key.revoke']);
    // Both entries name the recipient and the key id (never the key).
    expect(actions.map((a) => a.detail)).toEqual([
      { recipientId: r.id, keyId: issued.credential.key.keyId },
      { recipientId: r.id, keyId: issued.credential.key.keyId },
    ]);
  });

  it('refuses bad labels and unknown ids, storing nothing', async () => {
    const r = (await owner.ok(CreateRecipientDocument, { input: recipientInput() })).createRecipient;
    const before = await storedCounts();
    for (const label of ['  ', 'x'.repeat(121), 'key\u202E']) {
      expect(
        errorOf(await owner.request(IssuePartnerKeyDocument, { input: { recipientId: r.id, label } })),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.label',
      });
    }
    for (const id of ['01900000-0000-7000-8000-000000000000', 'nope']) {
      expect(
        errorOf(await owner.request(IssuePartnerKeyDocument, { input: { recipientId: id, label: 'k' } })).code,
      ).toBe('NOT_FOUND');
      expect(errorOf(await owner.request(RevokePartnerKeyDocument, { input: { id } })).code).toBe('NOT_FOUND');
    }
    expect(await storedCounts()).toEqual(before);
  });

  it('generates well-formed, distinct keys and compares secrets exactly', () => {
    const a = generateApiKey('partner');
    const b = generateApiKey('partner');
    expect(a.key).toMatch(/^stw_[0-9a-f]{16}_[0-9a-f]{64}$/);
    expect(a.keyId).not.toBe(b.keyId);
    const secret = parseApiKey('partner', a.key)!.secret;
    expect(secretMatches(secret, a.secretHash)).toBe(true);
    expect(secretMatches(secret, b.secretHash)).toBe(false);
    expect(parseApiKey('partner', 'stw_short_key')).toBeNull();
    expect(parseApiKey('partner', `${a.key}x`)).toBeNull();
  });

  it('tells partner keys and internal-system keys apart by their prefix, never one for the other', () => {
    const partner = generateApiKey('partner');
    const system = generateApiKey('system');
    expect(system.key).toMatch(/^sys_[0-9a-f]{16}_[0-9a-f]{64}$/);
    expect([apiKeyKindOf(partner.key), apiKeyKindOf(system.key), apiKeyKindOf('garbage')]).toEqual([
      'partner',
      'system',
      undefined,
    ]);
    expect(parseApiKey('system', partner.key)).toBeNull();
    expect(parseApiKey('partner', system.key)).toBeNull();
    // The same id and secret under the other prefix parse, but name no credential of that kind.
    const swapped = system.key.replace(/^sys_/, `${API_KEY_PREFIXES.partner}_`);
    expect(parseApiKey('partner', swapped)).toEqual(parseApiKey('system', system.key));
  });
});
