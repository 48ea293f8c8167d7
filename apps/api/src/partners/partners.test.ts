import {
  ApproveExceptionDocument,
  CreateExceptionDocument,
  CreateRecipientDocument,
  IssuePartnerKeyDocument,
  PartnerProviderDocument,
  PartnerProvidersDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
  RevokeExceptionDocument,
  RevokePartnerKeyDocument,
  VerifyLedgerDocument,
} from '@steward/schema';
import { print } from 'graphql';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../server.js';
import { buildCollectionInput, buildExceptionInput } from '../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';
import { produceDisclosure } from '../test/requests.js';

const HOUR = 60 * 60 * 1000;

// The scope is lean SQL per dialect: each run of this file (test/databases.ts) uses its database,
// PostgreSQL where the run covers it.
const database = DATABASES.at(-1)!;

let app: TestApp;
let owner: TestClient;
let officer: TestClient;
let courierId: string;
let key: string;
let credentialId: string;
let exceptionId: string;
let exceptionVersion: number;

interface Seeded {
  id: string;
  reference: string;
  name: string;
  postalCode: string;
  address: string;
}
const covered: Seeded[] = [];
const uncovered: Seeded[] = [];

/** Values that must never reach the courier, anywhere in any response. */
const forbidden: string[] = [
  'マーカー ヨミ',
  'marker-email',
  '+81 3 9999',
  'MARKER-NAME-REFUSED',
  'MARKER-NAME-WITHDRAWN',
  'MARKER-ADDR',
  '999-0001',
  '999-0002',
  'owner@steward.test',
  'CT-2026-07',
];

async function seedProvider(
  tag: string,
  name: string,
  postalCode: string,
  address: string,
  journal: boolean,
): Promise<Seeded> {
  const res = await owner.ok(RecordCollectionDocument, {
    input: buildCollectionInput({
      purposes: [
        { purposeKey: 'MEMBERSHIP_ADMINISTRATION', granted: true },
        { purposeKey: 'JOURNAL_DELIVERY', granted: journal },
      ],
      items: [
        { category: 'NAME', value: name },
        // The reading follows the name for the society's own purposes, never to a recipient whose
        // exception does not name it: the courier's scope is NAME, POSTAL_CODE and POSTAL_ADDRESS.
        { category: 'NAME_READING', value: 'マーカー ヨミ' },
        { category: 'POSTAL_CODE', value: postalCode },
        { category: 'POSTAL_ADDRESS', value: address },
        { category: 'EMAIL', value: `marker-email-${tag}@example.jp` },
        {
          category: 'TELEPHONE',
          value: `+81 3 9999 ${tag === 'a' ? '0001' : tag === 'b' ? '0002' : tag === 'r' ? '0003' : '0004'}`,
        },
      ],
    }),
  });
  const p = res.recordCollection.provider;
  return { id: p.id, reference: p.reference, name, postalCode, address };
}

interface PartnerResponse {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function asPartner(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = { authorization: `Bearer ${key}` },
): Promise<PartnerResponse> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as PartnerResponse['body'] };
}

/**
 * Searches the whole response text for every planted marker, every uncovered provider, and the
 * reference of every provider (the organisation's, e.g. a membership number: never a partner's).
 */
function expectNoLeak(res: PartnerResponse) {
  const text = res.text.toLowerCase();
  for (const marker of forbidden) expect(text, `leaked ${marker}`).not.toContain(marker.toLowerCase());
  for (const p of uncovered) {
    for (const value of [p.id, p.reference, p.name, p.postalCode, p.address])
      expect(text, `leaked ${value}`).not.toContain(value.toLowerCase());
  }
  for (const p of covered) expect(text, `leaked the reference ${p.reference}`).not.toContain(p.reference.toLowerCase());
}

const LIST = print(PartnerProvidersDocument);
const ONE = print(PartnerProviderDocument);

async function provisionCount(): Promise<number> {
  const rows = await app
    .em()
    .getConnection()
    .execute<{ n: number }[]>("select count(*) as n from ledger_entry where kind = 'PROVISION'");
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  app = await createTestApp({ database });
  owner = await app.clientAs('OWNER');
  officer = await app.clientAs('PRIVACY_OFFICER');
  courierId = (await owner.ok(CreateRecipientDocument, { input: { name: 'Yamato Courier', kind: 'CONTRACTOR' } }))
    .createRecipient.id;

  covered.push(await seedProvider('a', 'Hanako Covered', '100-0001', '1-1 Chiyoda, Chiyoda-ku, Tokyo', true));
  uncovered.push(await seedProvider('r', 'MARKER-NAME-REFUSED', '999-0001', 'MARKER-ADDR-REFUSED 2-2 Minato', false));
  const withdrawn = await seedProvider(
    'w',
    'MARKER-NAME-WITHDRAWN',
    '999-0002',
    'MARKER-ADDR-WITHDRAWN 3-3 Shibuya',
    true,
  );
  const version = (
    await app
      .em()
      .getConnection()
      .execute<{ version: number }[]>('select version from provider where id = ?', [withdrawn.id])
  )[0]!.version;
  await owner.ok(RecordConsentDocument, {
    input: {
      providerId: withdrawn.id,
      purposeKey: 'JOURNAL_DELIVERY',
      action: 'WITHDRAW',
      method: 'EMAIL_REPLY',
      expectedProviderVersion: Number(version),
    },
  });
  uncovered.push(withdrawn);
  covered.push(await seedProvider('b', 'Taro Covered', '530-0001', '4-4 Umeda, Kita-ku, Osaka', true));

  const created = (
    await owner.ok(CreateExceptionDocument, {
      input: buildExceptionInput(
        'OUTSOURCING',
        { recipientId: courierId, providerId: covered[0]!.id, consentEventIds: [] },
        { title: 'Journal delivery by Yamato' },
      ),
    })
  ).createException;
  const approved = (
    await officer.ok(ApproveExceptionDocument, { input: { id: created.id, expectedVersion: created.version } })
  ).approveException;
  expect(approved.status).toBe('ACTIVE');
  exceptionId = approved.id;
  exceptionVersion = approved.version;

  const issued = (
    await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: courierId, label: 'Dispatch system' } })
  ).issuePartnerKey;
  key = issued.key;
  credentialId = issued.credential.id;
});
afterAll(() => app.close());

describe('partner access: the courier scenario', () => {
  it('gives the courier exactly name, postal code and address of the covered providers', async () => {
    const res = await asPartner(LIST, { first: 100 });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const edges = (
      res.body.data!.partnerProviders as {
        edges: { node: { id: string; items: { category: string; value: string }[] } }[];
      }
    ).edges;
    const byId = new Map(edges.map((e) => [e.node.id, e.node]));
    expect([...byId.keys()].sort()).toEqual(covered.map((p) => p.id).sort());
    for (const p of covered) {
      expect(byId.get(p.id)).toEqual({
        id: p.id,
        items: [
          { category: 'NAME', value: p.name },
          { category: 'POSTAL_CODE', value: p.postalCode },
          { category: 'POSTAL_ADDRESS', value: p.address },
        ],
      });
    }
    expectNoLeak(res);
  });

  it('pages with keyset cursors within the scope', async () => {
    const first = await asPartner(LIST, { first: 1 });
    const page1 = first.body.data!.partnerProviders as {
      edges: { node: { id: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(page1.edges).toHaveLength(1);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await asPartner(LIST, { first: 1, after: page1.pageInfo.endCursor });
    const page2 = second.body.data!.partnerProviders as { edges: { node: { id: string } }[] };
    expect([page1.edges[0]!.node.id, page2.edges[0]!.node.id].sort()).toEqual(covered.map((p) => p.id).sort());
    expectNoLeak(first);
    expectNoLeak(second);
  });

  it('answers an uncovered, unknown or malformed id exactly like a missing one', async () => {
    const ok = await asPartner(ONE, { id: covered[0]!.id });
    expect((ok.body.data!.partnerProvider as { id: string }).id).toBe(covered[0]!.id);
    const answers = await Promise.all(
      [
        ...uncovered.map((p) => p.id),
        randomUUID(),
        'not-an-id',
        "' or 1=1 --",
        covered[0]!.id.toUpperCase().replace(/.$/, 'Z'),
      ].map((id) => asPartner(ONE, { id })),
    );
    for (const res of answers) {
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(res.text).toBe(answers[0]!.text);
      expectNoLeak(res);
    }
  });

  it('provides nothing on a consent given before the served purpose was changed, until it is granted again', async () => {
    const conn = app.em().getConnection();
    // What publishing a version that widens JOURNAL_DELIVERY records (policy versions: consent_from_version).
    await conn.execute("update purpose set consent_from_version = 2 where key = 'JOURNAL_DELIVERY'");
    try {
      const before = await provisionCount();
      const res = await asPartner(LIST, { first: 100 });
      expect((res.body.data!.partnerProviders as { edges: unknown[] }).edges).toEqual([]);
      expect((await asPartner(ONE, { id: covered[0]!.id })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(await provisionCount()).toBe(before);
    } finally {
      await conn.execute("update purpose set consent_from_version = 1 where key = 'JOURNAL_DELIVERY'");
    }
    expect((await asPartner(ONE, { id: covered[0]!.id })).body.errors).toBeUndefined();
  });

  it('yields nothing more through aliases, fragments, inline fragments and __typename', async () => {
    const query = `
      query Q($a: ID!) {
        __typename
        one: partnerProvider(id: $a) { ...P __typename }
        all: partnerProviders(first: 100) { edges { node { ... on PartnerProvider { __typename id items { __typename category value } } ...P } } }
        ...RootFields
      }
      fragment P on PartnerProvider { id items { category value } }
      fragment RootFields on Query { again: partnerProviders { edges { node { ...P } } } }`;
    const res = await asPartner(query, { a: covered[0]!.id });
    expectNoLeak(res);
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data!;
    expect(data.__typename).toBe('Query');
    expect((data.all as { edges: unknown[] }).edges).toHaveLength(covered.length);
    const categories = new Set(JSON.stringify(data).match(/"category":"([A-Z_]+)"/g));
    expect([...categories].sort()).toEqual([
      '"category":"NAME"',
      '"category":"POSTAL_ADDRESS"',
      '"category":"POSTAL_CODE"',
    ]);

    // Uncovered ids behind aliases, fragments and inline fragments, next to a covered one.
    const misses = await asPartner(
      `query M($a: ID!, $r: ID!, $w: ID!) {
        one: partnerProvider(id: $a) { id }
        refused: partnerProvider(id: $r) { ...P }
        withdrawn: partnerProvider(id: $w) { ... on PartnerProvider { id items { category value } } }
      }
      fragment P on PartnerProvider { id items { category value } }`,
      { a: covered[0]!.id, r: uncovered[0]!.id, w: uncovered[1]!.id },
    );
    expectNoLeak(misses);
    expect(misses.body.data ?? null).toBeNull(); // the fields are non-null: a miss nulls the whole answer
    expect(misses.body.errors?.length).toBeGreaterThan(0);
    for (const e of misses.body.errors ?? [])
      expect([e.extensions?.code, e.message]).toEqual(['NOT_FOUND', 'Provider not found']);
  });

  it('refuses every admin field and introspection, however it is reached', async () => {
    const attempts = [
      '{ providers { edges { node { id reference displayName dataItems { value } } } } }',
      `{ provider(id: "${uncovered[0]!.id}") { id displayName dataItems { category value } } }`,
      '{ auditLog { edges { node { id } } } }',
      '{ me { id email } }',
      '{ recipients { id name } }',
      '{ permittedExceptions { id title } }',
      '{ verifyLedger { ok } }',
      '{ organisation { name } }',
      '{ __schema { types { name fields { name } } } }',
      '{ __type(name: "Provider") { fields { name } } }',
      '{ partnerProviders { edges { node { id } } } providers { edges { node { displayName } } } }',
      '{ ...F } fragment F on Query { providers { edges { node { displayName } } } }',
      '{ ... on Query { me { email } } }',
      '{ x: partnerProviders { edges { node { id } } } y: auditLog { edges { node { id } } } }',
      'mutation { createRecipient(input: { name: "Evil", kind: CONTRACTOR }) { id } }',
      `mutation { revokeException(input: { id: "${exceptionId}", reason: "no", expectedVersion: ${exceptionVersion} }) { id } }`,
    ];
    for (const query of attempts) {
      const res = await asPartner(query);
      expect(res.body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      expect(res.body.data ?? null, query).toBeNull();
      expect(res.status).toBe(403);
      expectNoLeak(res);
    }
    // Nested paths to admin data do not exist on partner types: refused by validation, nothing runs.
    const nested = await asPartner(
      `{ partnerProvider(id: "${covered[0]!.id}") { id dataItems { value } consents { state } } }`,
    );
    expect(nested.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoLeak(nested);
    // Nor does the provider's reference (the organisation's membership number): the id is the partner's handle.
    for (const query of [
      `{ partnerProvider(id: "${covered[0]!.id}") { id reference } }`,
      '{ partnerProviders { edges { node { ... on PartnerProvider { reference } } } } }',
    ]) {
      const res = await asPartner(query);
      expect(res.body.errors?.[0]?.extensions?.code, query).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.data ?? null).toBeNull();
      expectNoLeak(res);
    }
    // Nothing was changed by the refused mutations.
    expect((await owner.raw('{ recipients { name } }')).data).toEqual({ recipients: [{ name: 'Yamato Courier' }] });
  });

  it('authenticates keys: unknown, malformed, mixed with a session, or used by an admin', async () => {
    const unknown = `stw_${'0'.repeat(16)}_${'a'.repeat(64)}`;
    const wrongSecret = key.replace(/.$/, key.endsWith('0') ? '1' : '0');
    const answers = await Promise.all(
      [unknown, wrongSecret, 'stw_nope', 'garbage'].map((k) => asPartner(LIST, {}, { authorization: `Bearer ${k}` })),
    );
    for (const res of answers) {
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.text).toBe(answers[0]!.text);
      expectNoLeak(res);
    }
    const both = await asPartner(
      LIST,
      {},
      { authorization: `Bearer ${key}`, cookie: `${SESSION_COOKIE}=${owner.cookie}` },
    );
    expect(both.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(both.body.data ?? null).toBeNull();
    const admin = await owner.raw(LIST);
    expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.client().raw(LIST);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('records lastUsedAt at most once a minute', async () => {
    const read = async () =>
      (
        await app
          .em()
          .getConnection()
          .execute<{ last_used_at: unknown }[]>('select last_used_at from partner_credential where id = ?', [
            credentialId,
          ])
      )[0]!.last_used_at;
    await asPartner(LIST);
    const first = await read();
    expect(first).not.toBeNull();
    await asPartner(LIST);
    expect(String(await read())).toBe(String(first));
    app.clock.advance(61_000);
    await asPartner(LIST);
    expect(String(await read())).not.toBe(String(first));
  });

  it('records one PROVISION ledger entry per provider provided, with an audit entry, and the chain verifies', async () => {
    const before = await provisionCount();
    await asPartner(LIST, { first: 100 });
    expect(await provisionCount()).toBe(before + covered.length);
    const rows = await app
      .em()
      .getConnection()
      .execute<Record<string, unknown>[]>(
        "select * from ledger_entry where kind = 'PROVISION' order by sequence desc limit ?",
        [covered.length],
      );
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
    expect(rows.map((r) => r.provider_id).sort()).toEqual(covered.map((p) => p.id).sort());
    for (const r of rows) {
      expect(r).toMatchObject({
        actor: `partner:${credentialId}`,
        recipient_id: courierId,
        purpose_key: 'JOURNAL_DELIVERY',
        outcome: 'ALLOWED',
      });
      expect(parse(r.categories)).toEqual(['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS']);
      expect(parse(r.basis)).toEqual({ exceptionId, exceptionKind: 'OUTSOURCING' });
    }
    const audit = await app
      .em()
      .getConnection()
      .execute<{ n: number }[]>(
        "select count(*) as n from audit_entry where action = 'partner.provide' and subject = ?",
        [credentialId],
      );
    expect(Number(audit[0]!.n)).toBeGreaterThan(0);
    // A miss provides nothing and records nothing.
    const still = await provisionCount();
    await asPartner(ONE, { id: uncovered[0]!.id });
    expect(await provisionCount()).toBe(still);
    expect((await owner.ok(VerifyLedgerDocument)).verifyLedger).toMatchObject({ ok: true, firstFailure: null });
  });

  it('refuses a revoked key at once', async () => {
    const issued = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: courierId, label: 'Temporary' } }))
      .issuePartnerKey;
    const auth = { authorization: `Bearer ${issued.key}` };
    expect((await asPartner(LIST, {}, auth)).body.errors).toBeUndefined();
    await owner.ok(RevokePartnerKeyDocument, { input: { id: issued.credential.id } });
    const res = await asPartner(LIST, {}, auth);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.data ?? null).toBeNull();
  });

  it('provides nothing once the exception is revoked, or once a new one expires', async () => {
    await owner.ok(RevokeExceptionDocument, {
      input: {
        id: exceptionId,
        reason: 'The contract ended.',
        expectedVersion: exceptionVersion,
      },
    });
    const before = await provisionCount();
    const list = await asPartner(LIST, { first: 100 });
    expect((list.body.data!.partnerProviders as { edges: unknown[] }).edges).toEqual([]);
    expect((await asPartner(ONE, { id: covered[0]!.id })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await provisionCount()).toBe(before);

    const created = (
      await owner.ok(CreateExceptionDocument, {
        input: buildExceptionInput(
          'OUTSOURCING',
          { recipientId: courierId, providerId: covered[0]!.id, consentEventIds: [] },
          { title: 'Short delivery contract', validUntil: new Date(app.clock.now.getTime() + HOUR).toISOString() },
        ),
      })
    ).createException;
    await officer.ok(ApproveExceptionDocument, { input: { id: created.id, expectedVersion: created.version } });
    expect((await asPartner(ONE, { id: covered[1]!.id })).body.data?.partnerProvider).toMatchObject({
      id: covered[1]!.id,
    });
    app.clock.advance(HOUR + 1);
    const after = await asPartner(LIST, { first: 100 });
    expect((after.body.data!.partnerProviders as { edges: unknown[] }).edges).toEqual([]);
    expect((await asPartner(ONE, { id: covered[1]!.id })).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

/**
 * A PROVISION entry means data left: entries are written from the body about to be sent
 * (ledger/disclosures.ts), per provider exactly the categories whose values it carries.
 */
describe('partner access: provisions are recorded from the answer sent', () => {
  let printerKey: string;
  let printerId: string;
  let full: Seeded;
  let nameOnly: string;
  let nothingPermitted: string;

  const asPrinter = (query: string, variables: Record<string, unknown> = {}) =>
    asPartner(query, variables, { authorization: `Bearer ${printerKey}` });

  /** The printer's PROVISION entries since `after` (a sequence), oldest first. */
  async function provisionsSince(after: number) {
    const rows = await app
      .em()
      .getConnection()
      .execute<{ sequence: unknown; provider_id: string; categories: unknown }[]>(
        "select sequence, provider_id, categories from ledger_entry where kind = 'PROVISION' and recipient_id = ? and sequence > ? order by sequence",
        [printerId, after],
      );
    return rows.map((r) => ({
      providerId: r.provider_id,
      categories: (typeof r.categories === 'string' ? JSON.parse(r.categories) : r.categories) as string[],
    }));
  }
  async function head(): Promise<number> {
    const rows = await app
      .em()
      .getConnection()
      .execute<{ n: unknown }[]>('select max(sequence) as n from ledger_entry');
    return Number(rows[0]!.n ?? 0);
  }
  async function provideAudits(): Promise<number> {
    const rows = await app
      .em()
      .getConnection()
      .execute<{ n: unknown }[]>("select count(*) as n from audit_entry where action = 'partner.provide'");
    return Number(rows[0]!.n);
  }
  async function collect(items: { category: 'NAME' | 'EMAIL' | 'POSTAL_ADDRESS'; value: string }[]): Promise<string> {
    const res = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        purposes: [
          { purposeKey: 'MEMBERSHIP_ADMINISTRATION', granted: true },
          { purposeKey: 'JOURNAL_DELIVERY', granted: true },
        ],
        items,
      }),
    });
    return res.recordCollection.provider.id;
  }

  beforeAll(async () => {
    printerId = (await owner.ok(CreateRecipientDocument, { input: { name: 'Sagawa Printing', kind: 'CONTRACTOR' } }))
      .createRecipient.id;
    const created = (
      await owner.ok(CreateExceptionDocument, {
        input: buildExceptionInput(
          'OUTSOURCING',
          { recipientId: printerId, providerId: covered[0]!.id, consentEventIds: [] },
          { title: 'Journal printing and dispatch by Sagawa' },
        ),
      })
    ).createException;
    await officer.ok(ApproveExceptionDocument, { input: { id: created.id, expectedVersion: created.version } });
    printerKey = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: printerId, label: 'Print shop' } }))
      .issuePartnerKey.key;
    full = covered[0]!;
    nameOnly = await collect([
      { category: 'NAME', value: 'Ichiro NameOnly' },
      { category: 'EMAIL', value: 'marker-email-n@example.jp' },
    ]);
    // In reach and permitted, but with no value of a permitted category: listed with no items.
    nothingPermitted = await collect([{ category: 'EMAIL', value: 'marker-email-x@example.jp' }]);
  });

  it('records nothing for a selection without values: cursors, counts, ids, categories', async () => {
    const [before, audits] = [await head(), await provideAudits()];
    for (const [query, variables] of [
      ['{ partnerProviders(first: 100) { edges { cursor } pageInfo { hasNextPage endCursor } totalCount } }', {}],
      ['{ partnerProviders(first: 100) { edges { node { id items { category } } } } }', {}],
      [
        'query($a: ID!, $b: ID!) { a: partnerProvider(id: $a) { id } b: partnerProvider(id: $b) { items { __typename } } }',
        { a: full.id, b: nameOnly },
      ],
    ] as const) {
      const res = await asPrinter(query, variables);
      expect(res.body.errors, query).toBeUndefined();
      expect(res.text).not.toContain(full.name);
      expect(res.text).not.toContain('Ichiro');
    }
    expect(await provisionsSince(before)).toEqual([]);
    expect(await provideAudits()).toBe(audits);
  });

  it("records nothing when a sibling's NOT_FOUND nulls the whole answer", async () => {
    const [before, audits] = [await head(), await provideAudits()];
    const res = await asPrinter(
      `query($a: ID!, $n: ID!, $m: ID!) {
        a: partnerProvider(id: $a) { id items { category value } }
        n: partnerProvider(id: $n) { items { value } }
        miss: partnerProvider(id: $m) { id }
      }`,
      { a: full.id, n: nameOnly, m: uncovered[0]!.id },
    );
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(res.text).not.toContain(full.name);
    expect(res.text).not.toContain('Ichiro');
    // A request refused before anything runs records nothing either.
    const refused = await asPrinter(`{ partnerProvider(id: "${full.id}") { items { value } } me { id } }`);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await provisionsSince(before)).toEqual([]);
    expect(await provideAudits()).toBe(audits);
  });

  it('records exactly the categories the answer carries, once per provider however often it carries them', async () => {
    const [before, audits] = [await head(), await provideAudits()];
    const res = await asPrinter(
      `query($a: ID!) {
        a: partnerProvider(id: $a) { items { value } }
        b: partnerProvider(id: $a) { items { category v: value } }
        list: partnerProviders(first: 100) { edges { node { id items { value } } } }
      }`,
      { a: full.id },
    );
    expect(res.body.errors).toBeUndefined();
    const listed = (res.body.data!.list as { edges: { node: { id: string; items: unknown[] } }[] }).edges.map(
      (e) => e.node,
    );
    expect(listed.find((n) => n.id === nothingPermitted)).toEqual({ id: nothingPermitted, items: [] });
    const sent = await provisionsSince(before);
    const byProvider = new Map(sent.map((e) => [e.providerId, e.categories]));
    expect(sent).toHaveLength(byProvider.size); // one entry per provider (one basis each here)
    expect(byProvider.get(full.id)).toEqual(['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS']);
    expect(byProvider.get(nameOnly)).toEqual(['NAME']);
    expect(byProvider.has(nothingPermitted)).toBe(false);
    expect([...byProvider.keys()].sort()).toEqual(
      listed
        .filter((n) => n.items.length > 0)
        .map((n) => n.id)
        .sort(),
    );
    expect(await provideAudits()).toBe(audits + 1);

    // One provider's name only: the one entry names NAME alone.
    const again = await head();
    const one = await asPrinter(print(PartnerProviderDocument), { id: nameOnly });
    expect(one.body.data!.partnerProvider).toEqual({
      id: nameOnly,
      items: [{ category: 'NAME', value: 'Ichiro NameOnly' }],
    });
    expect(await provisionsSince(again)).toEqual([{ providerId: nameOnly, categories: ['NAME'] }]);
    expect((await owner.ok(VerifyLedgerDocument)).verifyLedger).toMatchObject({ ok: true });
  });

  it('sends nothing and records nothing when the record cannot be written', async () => {
    const conn = app.em().getConnection();
    const refuse =
      database === 'postgresql'
        ? [
            "create function refuse_provision() returns trigger language plpgsql as $$ begin if new.kind = 'PROVISION' then raise exception 'refused'; end if; return new; end $$",
            'create trigger refuse_provision before insert on ledger_entry for each row execute function refuse_provision()',
          ]
        : [
            "create trigger refuse_provision before insert on ledger_entry when new.kind = 'PROVISION' begin select raise(abort, 'refused'); end",
          ];
    const [before, audits] = [await head(), await provideAudits()];
    for (const sql of refuse) await conn.execute(sql);
    try {
      const res = await asPrinter(print(PartnerProviderDocument), { id: nameOnly });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
      expect(res.text).not.toContain('Ichiro');
    } finally {
      await conn.execute('drop trigger refuse_provision' + (database === 'postgresql' ? ' on ledger_entry' : ''));
      if (database === 'postgresql') await conn.execute('drop function refuse_provision()');
    }
    // The operator learns why (the response says only that it failed).
    expect(app.logged.filter((l) => l.includes('A disclosure could not be recorded'))).not.toEqual([]);
    expect(await provisionsSince(before)).toEqual([]);
    expect(await provideAudits()).toBe(audits);
    // Once the ledger takes it again, so does the answer.
    expect((await asPrinter(print(PartnerProviderDocument), { id: nameOnly })).body.errors).toBeUndefined();
    expect(await provisionsSince(before)).toEqual([{ providerId: nameOnly, categories: ['NAME'] }]);
  });

  it("the provider's disclosure package lists what left and nothing else", async () => {
    const pkg = await produceDisclosure(officer, nameOnly);
    const provisions = pkg.ledger.filter((e) => e.kind === 'PROVISION');
    // The full read (NAME), the name-only read and the read after the refused one: three hand-overs of
    // the name; none of the reads that carried no value, the nulled answer or the refused record.
    expect(provisions.map((e) => [e.recipientId, e.categories])).toEqual([
      [printerId, ['NAME']],
      [printerId, ['NAME']],
      [printerId, ['NAME']],
    ]);
  });
});
