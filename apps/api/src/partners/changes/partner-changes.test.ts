import {
  ApplyAmendmentDocument,
  ApplyCessationDocument,
  ApproveExceptionDocument,
  CreateExceptionDocument,
  CreateRecipientDocument,
  IssuePartnerKeyDocument,
  IssueSystemKeyDocument,
  PartnerChangesDocument,
  PartnerProvidersDocument,
  ProviderDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
  RevokeExceptionDocument,
  type CreateExceptionInput,
} from '@steward/schema';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput, buildExceptionInput } from '../../test/factories.js';
import { DATABASES } from '../../test/databases.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { FEED_SETTLE_MS } from './partner-changes.service.js';
import { requestInWork } from '../../test/requests.js';

// The feed's statements are lean SQL per dialect: each run of this file uses its database.
const database = DATABASES.at(-1)!;
const HOUR = 60 * 60 * 1000;
const FEED = print(PartnerChangesDocument);

interface Change {
  providerId: string;
  kind: string;
  reason: string;
  categories: string[];
  occurredAt: string;
}
interface FeedPage {
  edges: { cursor: string; node: Change }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  latestCursor: string;
}
interface Answer {
  text: string;
  data?: { partnerChanges: FeedPage } | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; issues?: { code: string }[] } }[];
}

let app: TestApp;
let owner: TestClient;
let officer: TestClient;
let courierId: string;
let courierKey: string;
let otherKey: string;
const ids: Record<'withdrawn' | 'ceased' | 'amended' | 'revoked' | 'expiring' | 'outside', string> = {
  withdrawn: '',
  ceased: '',
  amended: '',
  revoked: '',
  expiring: '',
  outside: '',
};
let revocable: { id: string; version: number };

async function feed(variables: Record<string, unknown>, key = courierKey): Promise<Answer> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: FEED, variables }),
  });
  const text = await res.text();
  return { text, ...(JSON.parse(text) as Omit<Answer, 'text'>) };
}

/** Every change after `after`, page by page. */
async function readAll(
  after: string | null,
  first = 100,
): Promise<{ changes: Change[]; pages: number; end: string | null }> {
  const changes: Change[] = [];
  let cursor = after;
  let pages = 0;
  for (;;) {
    const res = await feed({ first, after: cursor });
    expect(res.errors).toBeUndefined();
    const page = res.data!.partnerChanges;
    pages++;
    changes.push(...page.edges.map((e) => e.node));
    cursor = page.pageInfo.endCursor ?? cursor;
    if (!page.pageInfo.hasNextPage) return { changes, pages, end: cursor };
  }
}

async function collect(tag: string): Promise<string> {
  const res = await owner.ok(RecordCollectionDocument, {
    input: buildCollectionInput({
      purposes: [
        { purposeKey: 'MEMBERSHIP_ADMINISTRATION', granted: true },
        { purposeKey: 'JOURNAL_DELIVERY', granted: true },
      ],
      items: [
        { category: 'NAME', value: `Feed ${tag}` },
        { category: 'POSTAL_CODE', value: '100-0001' },
        { category: 'POSTAL_ADDRESS', value: `VALUE-ADDR-${tag} 1-1 Chiyoda` },
        { category: 'EMAIL', value: `feed-${tag}@example.jp` },
      ],
    }),
  });
  return res.recordCollection.provider.id;
}

async function approvedException(
  providerIds: string[],
  overrides: Partial<CreateExceptionInput> = {},
): Promise<{ id: string; version: number }> {
  const base = buildExceptionInput('OUTSOURCING', { recipientId: courierId, providerId: '', consentEventIds: [] });
  const created = (
    await owner.ok(CreateExceptionDocument, {
      input: { ...base, scope: { ...base.scope, allProviders: false, providerIds }, ...overrides },
    })
  ).createException;
  const approved = (
    await officer.ok(ApproveExceptionDocument, { input: { id: created.id, expectedVersion: created.version } })
  ).approveException;
  return { id: approved.id, version: approved.version };
}

const readyRequest = (kind: 'AMENDMENT' | 'CESSATION', providerId: string) => requestInWork(officer, kind, providerId);

async function amendAddress(providerId: string, value: string) {
  const r = await readyRequest('AMENDMENT', providerId);
  const provider = (await owner.ok(ProviderDocument, { id: providerId })).provider;
  const item = provider.dataItems.find((i) => i.category === 'POSTAL_ADDRESS')!;
  await officer.ok(ApplyAmendmentDocument, {
    input: {
      requestId: r.id,
      expectedProviderVersion: provider.version,
      changes: [{ itemId: item.id, category: 'POSTAL_ADDRESS', value }],
    },
  });
}

async function setJournal(providerId: string, action: 'GRANT' | 'WITHDRAW') {
  const provider = (await owner.ok(ProviderDocument, { id: providerId })).provider;
  await owner.ok(RecordConsentDocument, {
    input: {
      providerId,
      purposeKey: 'JOURNAL_DELIVERY',
      action,
      method: 'EMAIL_REPLY',
      expectedProviderVersion: provider.version,
    },
  });
}

const settle = () => app.clock.advance(FEED_SETTLE_MS + 1000);

beforeAll(async () => {
  app = await createTestApp({ database });
  owner = await app.clientAs('OWNER');
  officer = await app.clientAs('PRIVACY_OFFICER');
  courierId = (await owner.ok(CreateRecipientDocument, { input: { name: 'Feed Courier', kind: 'CONTRACTOR' } }))
    .createRecipient.id;
  const otherId = (await owner.ok(CreateRecipientDocument, { input: { name: 'Other Printer', kind: 'CONTRACTOR' } }))
    .createRecipient.id;
  for (const name of Object.keys(ids) as (keyof typeof ids)[]) ids[name] = await collect(name);
  await approvedException([ids.withdrawn, ids.ceased, ids.amended]);
  revocable = await approvedException([ids.revoked], { title: 'Revocable delivery' });
  await approvedException([ids.expiring], {
    title: 'Short delivery',
    validUntil: new Date(app.clock.now.getTime() + 2 * HOUR).toISOString(),
  });
  courierKey = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: courierId, label: 'Dispatch' } }))
    .issuePartnerKey.key;
  otherKey = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: otherId, label: 'Print' } }))
    .issuePartnerKey.key;
  settle();
});
afterAll(() => app.close());

describe('the partner change feed', () => {
  let start: string;

  it('lists from the beginning who came into scope, and gives a cursor at now', async () => {
    const all = await readAll(null);
    expect(all.changes.map((c) => `${c.providerId}:${c.kind}:${c.reason}`).sort()).toEqual(
      [ids.withdrawn, ids.ceased, ids.amended, ids.revoked, ids.expiring]
        .map((id) => `${id}:ADDED_TO_SCOPE:EXCEPTION_IN_EFFECT`)
        .sort(),
    );
    for (const c of all.changes) expect(c.categories).toEqual(['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS']);
    start = (await feed({ first: 1 })).data!.partnerChanges.latestCursor;
    expect((await feed({ after: start })).data!.partnerChanges.edges).toEqual([]);
  });

  it('tells a withdrawal, a cessation, a revocation, an amendment and an expiry once each, and nothing outside the scope', async () => {
    await setJournal(ids.withdrawn, 'WITHDRAW');
    const r = await readyRequest('CESSATION', ids.ceased);
    const provider = (await owner.ok(ProviderDocument, { id: ids.ceased })).provider;
    await officer.ok(ApplyCessationDocument, {
      input: { requestId: r.id, expectedProviderVersion: provider.version, stopProvisionRecipientIds: [courierId] },
    });
    await officer.ok(RevokeExceptionDocument, {
      input: {
        id: revocable.id,
        expectedVersion: revocable.version,
        reason: 'Contract ended.',
      },
    });
    await amendAddress(ids.amended, 'VALUE-NEW-ADDR 2-2 Marunouchi');
    // Outside the courier's scope: neither the withdrawal nor the amendment may show.
    await setJournal(ids.outside, 'WITHDRAW');
    await amendAddress(ids.outside, 'VALUE-OUTSIDE-ADDR 9-9');

    // Within the settling time nothing is listed yet.
    expect((await feed({ after: start })).data!.partnerChanges.edges).toEqual([]);
    settle();
    const early = await readAll(start);
    expect(early.changes.map((c) => `${c.providerId}:${c.kind}:${c.reason}:${c.categories.join('+')}`)).toEqual([
      `${ids.withdrawn}:REMOVED_FROM_SCOPE:CONSENT_WITHDRAWN:`,
      `${ids.ceased}:REMOVED_FROM_SCOPE:CESSATION:`,
      `${ids.revoked}:REMOVED_FROM_SCOPE:EXCEPTION_REVOKED:`,
      `${ids.amended}:DATA_CHANGED:AMENDMENT:POSTAL_ADDRESS`,
    ]);

    // The expiry writes nothing: the feed finds it once its moment has passed.
    app.clock.advance(2 * HOUR);
    const later = await readAll(early.end);
    expect(later.changes.map((c) => `${c.providerId}:${c.kind}:${c.reason}`)).toEqual([
      `${ids.expiring}:REMOVED_FROM_SCOPE:EXCEPTION_EXPIRED`,
    ]);
    expect((await readAll(later.end)).changes).toEqual([]);

    const text = JSON.stringify([early, later]);
    expect(text).not.toContain(ids.outside);
    expect(text).not.toContain('VALUE-');
    expect(text).not.toContain('Feed ');
  });

  it('pages across many changes with the same changes as one page, each once, in order', async () => {
    for (let i = 0; i < 4; i++) {
      // Cheap changes: the withdrawn provider gives and withdraws again (in and out of scope).
      await setJournal(ids.withdrawn, i % 2 === 0 ? 'GRANT' : 'WITHDRAW');
      app.clock.advance(1000);
    }
    for (let i = 0; i < 2; i++) {
      await amendAddress(ids.amended, `VALUE-STEP-${i}`);
      app.clock.advance(1000);
    }
    settle();
    const whole = await readAll(null);
    const paged = await readAll(null, 2);
    expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(whole.changes.length / 2));
    expect(paged.changes).toEqual(whole.changes);
    expect(whole.changes.filter((c) => c.kind === 'DATA_CHANGED')).toHaveLength(3);
    expect(whole.changes.filter((c) => c.providerId === ids.withdrawn).map((c) => c.reason)).toEqual([
      'EXCEPTION_IN_EFFECT',
      'CONSENT_WITHDRAWN',
      'CONSENT_GIVEN',
      'CONSENT_WITHDRAWN',
      'CONSENT_GIVEN',
      'CONSENT_WITHDRAWN',
    ]);
    const times = whole.changes.map((c) => Date.parse(c.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('records each page that names providers as one audit entry linked to them', async () => {
    const count = async () =>
      Number(
        (
          await app
            .em()
            .getConnection()
            .execute<{ n: number }[]>("select count(*) as n from audit_entry where action = 'partner.changes'")
        )[0]!.n,
      );
    const before = await count();
    const res = await feed({ first: 3 });
    const named = new Set(res.data!.partnerChanges.edges.map((e) => e.node.providerId));
    expect(await count()).toBe(before + 1);
    const links = await app
      .em()
      .getConnection()
      .execute<{ provider_id: string }[]>(
        "select l.provider_id from audit_provider l join audit_entry a on a.id = l.entry_id where a.action = 'partner.changes' order by a.at desc limit 3",
      );
    expect(new Set(links.map((l) => l.provider_id))).toEqual(named);
    // A page that names nobody is not a disclosure.
    await feed({ after: res.data!.partnerChanges.latestCursor });
    expect(await count()).toBe(before + 1);
  });

  it("refuses a bad cursor, another list's cursor and another recipient's cursor with a code", async () => {
    const expectRefused = (res: Answer, issue: string) => {
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(res.errors![0]!.extensions!.issues![0]!.code).toBe(issue);
    };
    expectRefused(await feed({ after: 'garbage' }), 'INVALID_FORMAT');
    const listCursor = (
      await app.client().raw(print(PartnerProvidersDocument), { first: 1 }, { authorization: `Bearer ${courierKey}` })
    ).data as { partnerProviders: { pageInfo: { endCursor: string } } };
    expectRefused(await feed({ after: listCursor.partnerProviders.pageInfo.endCursor }), 'INVALID_FORMAT');
    const mine = (await feed({ first: 1 })).data!.partnerChanges.latestCursor;
    expectRefused(await feed({ after: mine }, otherKey), 'INVALID_VALUE');
    expect((await feed({ first: 0 })).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses an internal system key and a staff session', async () => {
    const system = (await owner.ok(IssueSystemKeyDocument, { input: { label: 'Sync', systemName: 'Membership DB' } }))
      .issueSystemKey.key;
    const bySystem = await feed({ first: 1 }, system);
    expect(bySystem.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(bySystem.data ?? null).toBeNull();
    const byStaff = await owner.raw(FEED, { first: 1 });
    expect(byStaff.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
