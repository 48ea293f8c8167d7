import {
  DecisionDocument,
  IssuePartnerKeyDocument,
  LedgerActivityDocument,
  LedgerEntriesDocument,
  PartnerProvidersDocument,
  type LedgerEntriesQuery,
  type LedgerEntriesQueryVariables,
} from '@steward/schema';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCourierScenario } from '../test/scenarios.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';

let app: TestApp;
let owner: TestClient;
let officer: TestClient;
let subscriberId: string;
let refuserId: string;
let courierId: string;
let exceptionId: string;
let day1: string;
let day2: string;

const DAY = 86_400_000;

// The explorer's SQL differs per database (JSON access, day buckets): run it on both when PostgreSQL is there.
describe.each(DATABASES)('the ledger explorer on %s', (database) => {
  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    const scenario = await seedCourierScenario(owner, officer);
    subscriberId = scenario.subscriber.id;
    refuserId = scenario.refuser.id;
    courierId = scenario.courierId;
    exceptionId = scenario.exception.id;
    const key = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: courierId, label: 'Dispatch' } }))
      .issuePartnerKey.key;

    // Day 1: a use on the basis of consent, a provision under the exception, a denied use.
    day1 = app.clock.now.toISOString().slice(0, 10);
    await owner.ok(DecisionDocument, {
      input: { action: 'USE', providerId: subscriberId, purposeKey: 'JOURNAL_DELIVERY', categories: ['NAME'] },
    });
    await owner.ok(DecisionDocument, {
      input: {
        action: 'PROVIDE',
        providerId: subscriberId,
        purposeKey: 'JOURNAL_DELIVERY',
        categories: ['NAME', 'POSTAL_ADDRESS'],
        recipientId: courierId,
      },
    });
    await owner.ok(DecisionDocument, {
      input: { action: 'USE', providerId: refuserId, purposeKey: 'JOURNAL_DELIVERY', categories: ['NAME'] },
    });

    // Day 2: the courier's system fetches its providers (one PROVISION entry), and one more use.
    app.clock.advance(DAY);
    // Sessions do not outlive a day: sign in again.
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    day2 = app.clock.now.toISOString().slice(0, 10);
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: print(PartnerProvidersDocument), variables: { first: 25 } }),
    });
    expect(res.status).toBe(200);
    await owner.ok(DecisionDocument, {
      input: { action: 'USE', providerId: subscriberId, purposeKey: 'EVENT_NEWS', categories: ['EMAIL'] },
    });
  });
  afterAll(() => app.close());

  type Filter = NonNullable<LedgerEntriesQueryVariables['filter']>;

  async function entries(filter: Filter | null = null, first = 100) {
    return (await owner.ok(LedgerEntriesDocument, { first, filter })).ledgerEntries.edges.map((e) => e.node);
  }

  describe('ledgerEntries', () => {
    it('lists every entry newest first, with references only', async () => {
      const all = await entries();
      const sequences = all.map((e) => e.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
      expect(sequences[0]).toBe(Math.max(...sequences));
      expect(new Set(all.map((e) => e.kind))).toEqual(new Set(['COLLECTION', 'CONSENT', 'DECISION', 'PROVISION']));
      // The entries hold references; the one personal value is the provider's name, which the page
      // asks for beside them (names.test.ts: for those who may read it, as an audited read).
      const text = JSON.stringify(
        all.map((e) => ({ ...e, provider: e.provider && { ...e.provider, displayName: null } })),
      );
      expect(text).not.toMatch(/Kaito|Mori|Kudan|kaito\.mori|Rin Abe|102-0073/);
    });

    it('filters by kind, outcome, basis, provider, recipient and purpose', async () => {
      const decisions = await entries({ kind: 'DECISION' });
      expect(decisions).toHaveLength(4);
      expect(decisions.every((e) => e.kind === 'DECISION')).toBe(true);

      const provision = await entries({ kind: 'PROVISION' });
      expect(provision).toEqual([
        expect.objectContaining({
          providerId: subscriberId,
          recipientId: courierId,
          basisKind: 'EXCEPTION',
          exceptionId,
          exceptionKind: 'OUTSOURCING',
          outcome: 'ALLOWED',
          actor: expect.stringMatching(/^partner:/),
        }),
      ]);

      const denied = await entries({ outcome: 'DENIED' });
      expect(denied).toEqual([expect.objectContaining({ kind: 'DECISION', providerId: refuserId, basisKind: null })]);

      const underException = await entries({ basisKind: 'EXCEPTION' });
      expect(underException.map((e) => e.kind)).toEqual(['PROVISION', 'DECISION']);
      expect(underException.every((e) => e.exceptionId === exceptionId && e.recipientId === courierId)).toBe(true);

      const consent = await entries({ basisKind: 'CONSENT' });
      expect(consent.map((e) => [e.kind, e.purposeKey])).toEqual([
        ['DECISION', 'EVENT_NEWS'],
        ['DECISION', 'JOURNAL_DELIVERY'],
      ]);
      expect(await entries({ basisKind: 'PUBLICLY_AVAILABLE' })).toEqual([]);

      expect((await entries({ recipientId: courierId })).map((e) => e.kind)).toEqual(['PROVISION', 'DECISION']);
      const refuser = await entries({ providerId: refuserId });
      expect(refuser.every((e) => e.providerId === refuserId)).toBe(true);
      expect(refuser.map((e) => e.kind)).toEqual(['DECISION', ...refuser.slice(1).map((e) => e.kind)]);
      expect(
        refuser
          .slice(1)
          .map((e) => e.kind)
          .sort(),
      ).toEqual(['COLLECTION', 'CONSENT', 'CONSENT']);

      const combined = await entries({
        providerId: subscriberId,
        purposeKey: 'JOURNAL_DELIVERY',
        kind: 'DECISION',
        outcome: 'ALLOWED',
      });
      expect(combined.map((e) => e.basisKind)).toEqual(['EXCEPTION', 'CONSENT']);
      expect(await entries({ providerId: refuserId, recipientId: courierId })).toEqual([]);
    });

    it('pages by cursor without gaps or repeats', async () => {
      const all = await entries();
      const seen: number[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: LedgerEntriesQuery['ledgerEntries'] = (await owner.ok(LedgerEntriesDocument, { first: 3, after }))
          .ledgerEntries;
        pages += 1;
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        seen.push(...page.edges.map((e) => e.node.sequence));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.map((e) => e.sequence));
      expect(pages).toBe(Math.ceil(all.length / 3));

      const filtered = (await owner.ok(LedgerEntriesDocument, { first: 1, filter: { kind: 'DECISION' } }))
        .ledgerEntries;
      const next = (
        await owner.ok(LedgerEntriesDocument, {
          first: 10,
          after: filtered.pageInfo.endCursor,
          filter: { kind: 'DECISION' },
        })
      ).ledgerEntries;
      expect(next.edges).toHaveLength(3);
      expect(next.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses bad input', async () => {
      for (const variables of [
        { first: 0 },
        { first: 101 },
        { first: 10, after: 'not-a-cursor' },
        { first: 10, after: Buffer.from('c1:0196a0a0-0000-7000-8000-000000000000').toString('base64url') },
        { first: 10, filter: { providerId: "x' or 1=1 --" } },
        { first: 10, filter: { recipientId: 'nope' } },
      ]) {
        expect(errorOf(await owner.request(LedgerEntriesDocument, variables)).code, JSON.stringify(variables)).toBe(
          'BAD_USER_INPUT',
        );
      }
      expect(
        errorOf(await owner.request(LedgerEntriesDocument, { first: 10, filter: { purposeKey: 'x'.repeat(65) } })).code,
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('ledgerActivity', () => {
    it('counts uses, provisions and decisions per day, basis and outcome', async () => {
      const { ledgerActivity } = await owner.ok(LedgerActivityDocument, { days: 30 });
      expect(ledgerActivity.to).toBe(day2);
      expect(ledgerActivity.from).toBe(new Date(Date.parse(day2) - 29 * DAY).toISOString().slice(0, 10));
      const counts = ledgerActivity.buckets
        .map((b) => `${b.day} ${b.kind} ${b.action} ${b.basisKind ?? '-'} ${b.outcome} ${b.count}`)
        .sort();
      // Uses and provisions apart: a decision counts under the action it was asked about, a partner's read is a PROVIDE.
      expect(counts).toEqual(
        [
          `${day1} DECISION USE - DENIED 1`,
          `${day1} DECISION USE CONSENT ALLOWED 1`,
          `${day1} DECISION PROVIDE EXCEPTION ALLOWED 1`,
          `${day2} DECISION USE CONSENT ALLOWED 1`,
          `${day2} PROVISION PROVIDE EXCEPTION ALLOWED 1`,
        ].sort(),
      );
    });

    it('only looks back the requested number of days', async () => {
      const { ledgerActivity } = await owner.ok(LedgerActivityDocument, { days: 1 });
      expect(ledgerActivity.buckets.every((b) => b.day === day2)).toBe(true);
      expect(ledgerActivity.buckets.reduce((n, b) => n + b.count, 0)).toBe(2);
      expect((await owner.ok(LedgerActivityDocument, {})).ledgerActivity.buckets.length).toBe(5);
      for (const days of [0, 367])
        expect(errorOf(await owner.request(LedgerActivityDocument, { days })).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('ledger explorer access', () => {
    it('is for owners and privacy officers only', async () => {
      expect((await officer.ok(LedgerEntriesDocument, { first: 5 })).ledgerEntries.edges).toHaveLength(5);
      const viewer = await app.clientAs('VIEWER');
      expect(errorOf(await viewer.request(LedgerEntriesDocument, { first: 5 })).code).toBe('FORBIDDEN');
      expect(errorOf(await viewer.request(LedgerActivityDocument, {})).code).toBe('FORBIDDEN');
      expect(errorOf(await app.client().request(LedgerEntriesDocument, { first: 5 })).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await app.client().request(LedgerActivityDocument, {})).code).toBe('UNAUTHENTICATED');
    });
  });
});
