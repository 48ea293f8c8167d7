import { ProviderDocument, RecordCollectionDocument, type RecordCollectionMutationVariables } from '@steward/schema';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput } from '../test/factories.js';
import { createTestAppWithOwner, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

type Input = RecordCollectionMutationVariables['input'];

let app: TestApp;
let owner: TestClient;

beforeAll(async () => {
  ({ app, owner } = await createTestAppWithOwner());
});
afterAll(() => app.close());

/** Row counts of everything a collection writes: a refused request must leave all of them alone. */
async function storedCounts() {
  const conn = app.em().getConnection();
  const count = async (table: string) =>
    Number((await conn.execute<{ n: number }[]>(`select count(*) as n from ${table}`))[0]!.n);
  return {
    providers: await count('provider'),
    items: await count('personal_data_item'),
    events: await count('consent_event'),
    collections: await count('collection_record'),
    tokens: await count('search_token'),
    states: await count('consent_state'),
  };
}

describe('recordCollection', () => {
  it('stores the provider, sealed items, consent per purpose and a receipt, atomically', async () => {
    const before = await storedCounts();
    const data = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const { provider, receipt, collection } = data.recordCollection;

    expect(provider.kind).toBe('SERVICE_USER');
    expect(provider.reference).toMatch(/^P-[2-9A-Z]{10}$/);
    expect(provider.displayName).toBe('Aiko Fujimoto');
    expect(provider.dataItems.map((i) => [i.category, i.value]).sort()).toEqual([
      ['AFFILIATION', 'Example Optics Lab'],
      ['EMAIL', 'aiko.fujimoto@example.jp'],
      ['NAME', 'Aiko Fujimoto'],
    ]);
    const consent = Object.fromEntries(provider.consents.map((c) => [c.purpose.key, c.state]));
    expect(consent).toMatchObject({
      CONFERENCE_REGISTRATION: 'GRANTED',
      EVENT_NEWS: 'REFUSED',
      JOURNAL_DELIVERY: 'NOT_ASKED',
    });
    expect(collection.policyVersion).toBe(1);
    expect(collection.purposes.map((p) => [p.purpose.key, p.state])).toEqual([
      ['CONFERENCE_REGISTRATION', 'GRANTED'],
      ['EVENT_NEWS', 'REFUSED'],
    ]);

    // The receipt commits to its JSON, names the policy version, and carries no personal values.
    expect(receipt.hash).toBe(createHash('sha256').update(receipt.json).digest('hex'));
    expect(receipt.policyVersion).toBe(1);
    expect(receipt.subjectReference).toBe(provider.reference);
    expect(receipt.categories).toEqual(['NAME', 'EMAIL', 'AFFILIATION']);
    expect(receipt.json).not.toMatch(/Aiko|fujimoto|Optics/i);
    expect(JSON.parse(receipt.json).purposes).toHaveLength(2);

    const after = await storedCounts();
    expect(after).toEqual({
      providers: before.providers + 1,
      items: before.items + 3,
      events: before.events + 2,
      collections: before.collections + 1,
      tokens: before.tokens + 3, // e-mail + two name words
      states: before.states + 2,
    });
  });

  it('is all or nothing: a failure at the last write leaves no trace of the collection', async () => {
    const conn = app.em().getConnection();
    // The audit entry is written last; make the database refuse it.
    await conn.execute(
      "create trigger fail_collection_audit before insert on audit_entry when new.action = 'collection.record' begin select raise(abort, 'refused by test'); end",
    );
    try {
      const before = await storedCounts();
      const res = await owner.request(RecordCollectionDocument, { input: buildCollectionInput() });
      expect(errorOf(res).code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res)).not.toContain('refused by test');
      expect(await storedCounts()).toEqual(before);
    } finally {
      await conn.execute('drop trigger fail_collection_audit');
    }
  });

  it('writes only what the collection is about (no rewrites of purposes, policy or admins)', async () => {
    const conn = app.em().getConnection();
    const snapshot = async () =>
      conn.execute(
        'select (select group_concat(updated_at) from purpose) p, (select group_concat(updated_at) from policy_version) v, (select group_concat(updated_at) from admin_user) a, (select group_concat(updated_at) from organisation) o',
      );
    const before = await snapshot();
    app.clock.advance(60_000);
    await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps values encrypted at rest', async () => {
    await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({ items: [{ category: 'NAME', value: 'Plaintext Canary Zebra' }] }),
    });
    const rows = await app
      .em()
      .getConnection()
      .execute<{ value_sealed: string }[]>('select value_sealed from personal_data_item');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.value_sealed).toMatch(/^v1\.[0-9a-f]{16}\./);
      expect(row.value_sealed).not.toMatch(/Canary|Aiko/);
    }
  });

  it("gives a new provider the organisation's default language unless one is chosen", async () => {
    const conn = app.em().getConnection();
    const defaultIs = (language: string) => conn.execute(`update organisation set default_language = '${language}'`);
    try {
      await defaultIs('en');
      const english = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
      expect(english.recordCollection.provider.language).toBe('en');
      const chosen = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput({ language: 'ja' }) });
      expect(chosen.recordCollection.provider.language).toBe('ja');
      await defaultIs('ja');
      const japanese = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
      expect(japanese.recordCollection.provider.language).toBe('ja');
    } finally {
      await defaultIs('ja');
    }
  });

  it('adds to an existing provider and bumps its version', async () => {
    const first = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const p = first.recordCollection.provider;
    const second = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        newProvider: null,
        providerId: p.id,
        expectedProviderVersion: p.version,
        purposes: [{ purposeKey: 'JOURNAL_DELIVERY', granted: true }],
        items: [
          { category: 'POSTAL_CODE', value: '102-0073' },
          { category: 'POSTAL_ADDRESS', value: '1-5-9 Kudan-kita, Chiyoda-ku, Tokyo' },
        ],
      }),
    });
    expect(second.recordCollection.provider.id).toBe(p.id);
    expect(second.recordCollection.provider.version).toBe(p.version + 1);
    const detail = await owner.ok(ProviderDocument, { id: p.id });
    expect(detail.provider.dataItems).toHaveLength(5);
    expect(detail.provider.collections).toHaveLength(2);
    expect(detail.provider.consentHistory.map((e) => e.purpose.key)).toEqual([
      'JOURNAL_DELIVERY',
      'EVENT_NEWS',
      'CONFERENCE_REGISTRATION',
    ]);
  });

  const hostile = 'A\u202Eevil'; // right-to-left override: makes text display differently from what it is
  const badInputs: [string, Partial<Input>, string, string][] = [
    ['no purpose specified', { purposes: [] }, 'input.purposes', 'NO_PURPOSE'],
    [
      'unknown purpose',
      { purposes: [{ purposeKey: 'SELLING_LISTS', granted: true }] },
      'input.purposes[0].purposeKey',
      'UNKNOWN_PURPOSE',
    ],
    [
      'a category no specified purpose needs',
      {
        purposes: [{ purposeKey: 'EVENT_NEWS', granted: true }],
        items: [
          { category: 'NAME', value: 'X' },
          { category: 'TELEPHONE', value: '03-1234-5678' },
        ],
      },
      'input.items[1].category',
      'CATEGORY_NOT_NEEDED',
    ],
    [
      'a category only a refused purpose needs',
      {
        purposes: [
          { purposeKey: 'EVENT_NEWS', granted: true },
          { purposeKey: 'JOURNAL_DELIVERY', granted: false },
        ],
        items: [{ category: 'POSTAL_CODE', value: '102-0073' }],
      },
      'input.items[0].category',
      'CATEGORY_ONLY_FOR_REFUSED_PURPOSE',
    ],
    ['no items', { items: [] }, 'input.items', 'NO_ITEMS'],
    [
      'a policy version that is not current',
      { policyVersionShown: 2 },
      'input.policyVersionShown',
      'POLICY_VERSION_NOT_CURRENT',
    ],
    [
      'a malformed e-mail',
      { items: [{ category: 'EMAIL', value: 'not-an-email' }] },
      'input.items[0].value',
      'INVALID_FORMAT',
    ],
    [
      'an oversized value',
      { items: [{ category: 'NAME', value: 'x'.repeat(10_001) }] },
      'input.items[0].value',
      'TOO_LONG',
    ],
    [
      'a name just over its limit',
      { items: [{ category: 'NAME', value: 'x'.repeat(201) }] },
      'input.items[0].value',
      'TOO_LONG',
    ],
    [
      'control characters',
      { items: [{ category: 'NAME', value: 'Bob\u0000Tables' }] },
      'input.items[0].value',
      'CONTROL_CHARACTERS',
    ],
    [
      'a bidi override',
      { items: [{ category: 'NAME', value: hostile }] },
      'input.items[0].value',
      'CONTROL_CHARACTERS',
    ],
    [
      'public without provenance',
      { items: [{ category: 'NAME', value: 'Kenji Ono', publiclyAvailable: true }] },
      'input.items[0].publicProvenance',
      'PROVENANCE_REQUIRED',
    ],
    [
      'both new and existing provider',
      { providerId: '01900000-0000-7000-8000-000000000000', expectedProviderVersion: 1 },
      'input.providerId',
      'REQUIRED',
    ],
    ['neither new nor existing provider', { newProvider: null }, 'input.providerId', 'REQUIRED'],
    [
      'a reference with spaces and quotes',
      { newProvider: { kind: 'SERVICE_USER', reference: "x' OR 1=1 --" } },
      'input.newProvider.reference',
      'INVALID_FORMAT',
    ],
    [
      'too many items',
      { items: Array.from({ length: 101 }, () => ({ category: 'NAME' as const, value: 'A' })) },
      'input.items',
      'TOO_LONG',
    ],
  ];

  it.each(badInputs)(
    'refuses %s with BAD_USER_INPUT naming the field, storing nothing',
    async (_name, override, field, code) => {
      const before = await storedCounts();
      const res = await owner.request(RecordCollectionDocument, { input: buildCollectionInput(override) });
      const err = errorOf(res);
      expect(err.code).toBe('BAD_USER_INPUT');
      expect(err.issues?.map((i) => [i.field, i.code])).toContainEqual([field, code]);
      expect(res.data).toBeNull();
      expect(await storedCounts()).toEqual(before);
    },
  );

  it('names the limit of a length or size bound in the issue, for clients to say it', async () => {
    const issueAt = async (override: Partial<Input>, field: string) => {
      const res = await owner.request(RecordCollectionDocument, { input: buildCollectionInput(override) });
      return errorOf(res).issues?.find((i) => i.field === field);
    };
    const name = await issueAt({ items: [{ category: 'NAME', value: 'x'.repeat(201) }] }, 'input.items[0].value');
    expect(name).toMatchObject({ code: 'TOO_LONG', params: { max: 120 } });
    const items = await issueAt(
      { items: Array.from({ length: 101 }, () => ({ category: 'NAME' as const, value: 'A' })) },
      'input.items',
    );
    expect(items).toMatchObject({ code: 'TOO_LONG', params: { max: 100 } });
  });

  it('reports every problem at once, in a stable order', async () => {
    const res = await owner.request(RecordCollectionDocument, {
      input: buildCollectionInput({
        policyVersionShown: 9,
        items: [
          { category: 'EMAIL', value: 'bad' },
          { category: 'FAX', value: '03-1111-2222' },
        ],
      }),
    });
    expect(errorOf(res).issues?.map((i) => i.field)).toEqual([
      'input.policyVersionShown',
      'input.items[0].value',
      'input.items[1].category',
    ]);
  });

  it('refuses an unknown enum value with the offending field and no stack trace', async () => {
    const before = await storedCounts();
    const res = await owner.raw(
      'mutation($input: RecordCollectionInput!) { recordCollection(input: $input) { provider { id } } }',
      { input: { ...buildCollectionInput(), channel: 'CARRIER_PIGEON' } },
    );
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('BAD_USER_INPUT');
    expect(errorOf(res).field).toBe('input.channel');
    expect(JSON.stringify(res)).not.toMatch(/at .*\.(js|ts):\d+|node_modules|stacktrace/i);
    expect(await storedCounts()).toEqual(before);
  });

  it('stores SQL-looking text as plain data', async () => {
    const name = "Robert'); DROP TABLE provider;--";
    const data = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({ items: [{ category: 'NAME', value: name }] }),
    });
    expect(data.recordCollection.provider.displayName).toBe(name);
    expect((await storedCounts()).providers).toBeGreaterThan(0);
  });

  it('refuses a stale provider version with CONFLICT and changes nothing', async () => {
    const created = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const p = created.recordCollection.provider;
    const existing = (version: number) =>
      buildCollectionInput({ newProvider: null, providerId: p.id, expectedProviderVersion: version });
    await owner.ok(RecordCollectionDocument, { input: existing(p.version) });
    const before = await storedCounts();
    const res = await owner.request(RecordCollectionDocument, { input: existing(p.version) });
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    expect(res.errors?.[0]?.extensions?.currentVersion).toBe(p.version + 1);
    expect(await storedCounts()).toEqual(before);
  });

  it('lets exactly one of two concurrent writers with the same version win', async () => {
    const created = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const p = created.recordCollection.provider;
    const input = buildCollectionInput({ newProvider: null, providerId: p.id, expectedProviderVersion: p.version });
    const results = await Promise.all([
      owner.request(RecordCollectionDocument, { input }),
      owner.request(RecordCollectionDocument, { input }),
    ]);
    const codes = results.map((r) => errorOf(r).code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const detail = await owner.ok(ProviderDocument, { id: p.id });
    expect(detail.provider.collections).toHaveLength(2);
  });

  it('refuses viewers (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const viewer = await app.clientAs('VIEWER');
    const before = await storedCounts();
    expect(errorOf(await viewer.request(RecordCollectionDocument, { input: buildCollectionInput() })).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await app.client().request(RecordCollectionDocument, { input: buildCollectionInput() })).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await storedCounts()).toEqual(before);
  });

  it('lets a privacy officer record, and audits who did it', async () => {
    const officer = await app.clientAs('PRIVACY_OFFICER');
    const data = await officer.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const entries = await app
      .em()
      .getConnection()
      .execute<{ action: string; actor_label: string; detail: string }[]>(
        "select action, actor_label, detail from audit_entry where action = 'collection.record' order by id desc limit 1",
      );
    expect(entries[0]!.actor_label).toContain('Test PRIVACY_OFFICER');
    expect(String(entries[0]!.detail)).toContain(data.recordCollection.receipt.receiptId);
    expect(String(entries[0]!.detail)).not.toMatch(/Aiko|fujimoto/i);
  });
});
