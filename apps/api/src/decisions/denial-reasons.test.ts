import {
  ApproveExceptionDocument,
  CreateExceptionDocument,
  CreateRecipientDocument,
  DecisionDocument,
  IssueSystemKeyDocument,
} from '@steward/schema';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExceptionInput } from '../test/factories.js';
import { seedCourierScenario } from '../test/scenarios.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';

// The exceptions are read by the decision's one statement (JSON per dialect): both databases.
describe.each(DATABASES)('a denial names only its candidates, on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let systemKey: string;
  let subscriberId: string;
  let courierId: string;
  /** The exceptions that were candidates for the request: the courier's, and two that share its recipient or purpose. */
  const candidates: string[] = [];
  /** The organisation's other 47: other purposes, other recipients. */
  const unrelated: string[] = [];

  async function approved(input: ReturnType<typeof buildExceptionInput>): Promise<string> {
    const draft = (await owner.ok(CreateExceptionDocument, { input })).createException;
    return (await officer.ok(ApproveExceptionDocument, { input: { id: draft.id, expectedVersion: draft.version } }))
      .approveException.id;
  }

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    const scenario = await seedCourierScenario(owner, officer);
    subscriberId = scenario.subscriber.id;
    courierId = scenario.courierId;
    candidates.push(scenario.exception.id);
    const prosecutors = (
      await owner.ok(CreateRecipientDocument, { input: { name: 'Prosecutors office', kind: 'CONTRACTOR' } })
    ).createRecipient.id;
    const refs = (recipientId: string) => ({ recipientId, providerId: subscriberId, consentEventIds: [] });
    // Same recipient, another purpose; same purpose, internal use only.
    candidates.push(
      await approved(
        buildExceptionInput('LAW', refs(courierId), {
          title: 'Customs inquiry about a parcel',
          scope: {
            purposeKeys: ['CUSTOMS_INQUIRY'],
            categories: ['NAME'],
            providerIds: [subscriberId],
            recipientId: courierId,
          },
        }),
      ),
      await approved(
        buildExceptionInput('BOARD_APPROVAL', refs(courierId), {
          title: 'Journal sent by the office itself',
          scope: { purposeKeys: ['JOURNAL_DELIVERY'], categories: ['NAME'], allProviders: true, recipientId: null },
        }),
      ),
    );
    for (let i = 0; i < 47; i++) {
      unrelated.push(
        await approved(
          i % 2
            ? buildExceptionInput('LAW', refs(prosecutors), {
                title: `Inquiry ${i}`,
                scope: {
                  purposeKeys: [`INQUIRY_2026_${i}`],
                  categories: ['NAME'],
                  providerIds: [subscriberId],
                  recipientId: prosecutors,
                },
              })
            : buildExceptionInput('BOARD_APPROVAL', refs(prosecutors), {
                title: `Notice ${i}`,
                scope: { purposeKeys: [`NOTICE_${i}`], categories: ['NAME'], allProviders: true, recipientId: null },
              }),
        ),
      );
    }
    systemKey = (
      await owner.ok(IssueSystemKeyDocument, { input: { systemName: 'Membership database', label: 'Sync' } })
    ).issueSystemKey.key;
  }, 120_000);
  afterAll(() => app.close());

  const input = () => ({
    action: 'PROVIDE' as const,
    providerId: subscriberId,
    purposeKey: 'JOURNAL_DELIVERY',
    categories: ['NAME' as const, 'EMAIL' as const],
    recipientId: courierId,
  });

  function expectOnlyCandidates(text: string, reasons: { code: string; exceptionId: string | null }[]) {
    const named = new Set(reasons.flatMap((r) => (r.exceptionId ? [r.exceptionId] : [])));
    expect(named.size).toBeLessThanOrEqual(candidates.length);
    for (const id of named) expect(candidates).toContain(id);
    for (const id of unrelated) expect(text, `names the unrelated exception ${id}`).not.toContain(id);
    expect(text).not.toMatch(/Inquiry \d|Notice \d/);
  }

  it('as staff: why this request failed, from its candidates, not the organisation’s 50 exceptions', async () => {
    const res = await owner.request(DecisionDocument, { input: input() });
    const decision = res.data!.decision;
    expect(decision).toMatchObject({ allowed: false, permitted: ['NAME'], refused: ['EMAIL'] });
    expectOnlyCandidates(JSON.stringify(res), decision.reasons);
    expect(decision.reasons.map((r) => [r.code, r.exceptionId])).toEqual([
      ['PROVISION_NEEDS_EXCEPTION', null],
      ...[
        ['EXCEPTION_RECIPIENT_NOT_COVERED', candidates[2]],
        ['EXCEPTION_PURPOSE_NOT_COVERED', candidates[1]],
      ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)), // same validity: in id order
      ['EXCEPTION_APPLIES', candidates[0]],
      ['EXCEPTION_CATEGORY_NOT_COVERED', candidates[0]],
    ]);
  });

  it('as an internal system: the same, over its key', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${systemKey}` },
      body: JSON.stringify({ query: print(DecisionDocument), variables: { input: input() } }),
    });
    const text = await res.text();
    const body = JSON.parse(text) as {
      data: { decision: { allowed: boolean; reasons: { code: string; exceptionId: string | null }[] } };
    };
    expect(body.data.decision.allowed).toBe(false);
    expectOnlyCandidates(text, body.data.decision.reasons);
    // A recipient no exception names, for a purpose only the unrelated ones do not name either: no candidate.
    const printer = (
      await owner.ok(CreateRecipientDocument, { input: { name: 'Tokyo Print Shop', kind: 'CONTRACTOR' } })
    ).createRecipient.id;
    const none = await owner.ok(DecisionDocument, {
      input: { ...input(), purposeKey: 'EVENT_NEWS', categories: ['EMAIL'], recipientId: printer },
    });
    expect(none.decision.reasons.map((r) => [r.code, r.exceptionId])).toEqual([
      ['PROVISION_NEEDS_EXCEPTION', null],
      ['NO_EXCEPTION_APPLIES', null],
    ]);
    // Worded in the owner's language (the organisation's default, Japanese), naming the recipient.
    expect(none.decision.reasons[1]!.message).toMatch(
      /のための「Tokyo Print Shop」への提供を対象とする有効な例外事由はありません。$/,
    );
    expectOnlyCandidates(JSON.stringify(none), none.decision.reasons);
  });
});
