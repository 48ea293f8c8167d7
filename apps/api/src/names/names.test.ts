import {
  CreateExceptionDocument,
  CreateProviderRequestDocument,
  LinkRequestProviderDocument,
  ProviderRequestsDocument,
  DecisionDocument,
  IssuePartnerKeyDocument,
  LedgerEntriesDocument,
  PartnerProvidersDocument,
  PermittedExceptionDocument,
  PermittedExceptionsDocument,
} from '@steward/schema';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExceptionInput } from '../test/factories.js';
import { seedCourierScenario } from '../test/scenarios.js';
import { DATABASES } from '../test/databases.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';

let app: TestApp;
let owner: TestClient;
let officer: TestClient;
let viewer: TestClient;
let scenario: Awaited<ReturnType<typeof seedCourierScenario>>;

/** The `provider.read` audit entries written so far, newest last, each with the provider ids it lists. */
async function nameReads(): Promise<{ actorLabel: string; providerIds: string[] }[]> {
  const rows = await app
    .em()
    .getConnection()
    .execute<{ actor_label: string; provider_ids: unknown; subject: string | null }[]>(
      "select actor_label, provider_ids, subject from audit_entry where action = 'provider.read' and subject is null order by at, id",
    );
  return rows.map((r) => ({
    actorLabel: r.actor_label,
    providerIds: (typeof r.provider_ids === 'string'
      ? (JSON.parse(r.provider_ids) as string[])
      : (r.provider_ids as string[])
    )
      .slice()
      .sort(),
  }));
}

// The names come from lean SQL (names.queries.ts) whose uuid comparisons differ per database: both.
describe.each(DATABASES)('names where a person reads, on %s', (database) => {
  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    viewer = await app.clientAs('VIEWER');
    scenario = await seedCourierScenario(owner, officer);
    const key = (
      await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: scenario.courierId, label: 'Dispatch' } })
    ).issuePartnerKey.key;
    await officer.ok(DecisionDocument, {
      input: {
        action: 'PROVIDE',
        providerId: scenario.subscriber.id,
        purposeKey: 'JOURNAL_DELIVERY',
        categories: ['NAME'],
        recipientId: scenario.courierId,
      },
    });
    await owner.ok(DecisionDocument, {
      input: { action: 'USE', providerId: scenario.refuser.id, purposeKey: 'EVENT_NEWS', categories: ['EMAIL'] },
    });
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: print(PartnerProvidersDocument), variables: { first: 25 } }),
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => app.close());

  it('names each ledger entry’s actor, provider and exception, and reads the page’s names as one audited read', async () => {
    const before = (await nameReads()).length;
    const page = (await owner.ok(LedgerEntriesDocument, { first: 50, filter: { kind: null } })).ledgerEntries.edges.map(
      (e) => e.node,
    );
    const provide = page.find((e) => e.kind === 'DECISION' && e.recipientId === scenario.courierId)!;
    expect(provide.actedBy).toEqual({
      ref: provide.actor,
      kind: 'STAFF',
      name: 'Test PRIVACY_OFFICER',
      role: 'PRIVACY_OFFICER',
    });
    expect(provide.provider).toEqual({
      id: scenario.subscriber.id,
      reference: scenario.subscriber.reference,
      displayName: 'Kaito Mori',
    });
    expect(provide.exceptionTitle).toBe('Journal delivery by courier');
    const use = page.find((e) => e.kind === 'DECISION' && e.providerId === scenario.refuser.id)!;
    expect(use.actedBy).toMatchObject({ kind: 'STAFF', name: 'Administrator', role: 'OWNER' });
    expect(use.provider?.displayName).toBe('Rin Abe');
    const partner = page.find((e) => e.kind === 'PROVISION')!;
    expect(partner.actor).toMatch(/^partner:/);
    expect(partner.actedBy).toEqual({
      ref: partner.actor,
      kind: 'RECIPIENT_SYSTEM',
      name: 'Yamato Courier',
      role: null,
    });
    // Collections and consents are Steward's or staff's: no entry is left unnamed.
    expect(page.filter((e) => e.actedBy.kind === 'UNKNOWN')).toEqual([]);

    const reads = (await nameReads()).slice(before);
    expect(reads).toEqual([
      {
        actorLabel: expect.stringContaining('Administrator') as string,
        providerIds: [scenario.refuser.id, scenario.subscriber.id].sort(),
      },
    ]);
  });

  it('names the exception a decision rests on by its title', async () => {
    const decided = await officer.ok(DecisionDocument, {
      input: {
        action: 'PROVIDE',
        providerId: scenario.subscriber.id,
        purposeKey: 'JOURNAL_DELIVERY',
        categories: ['POSTAL_CODE'],
        recipientId: scenario.courierId,
      },
    });
    expect(decided.decision.basis).toMatchObject({
      kind: 'EXCEPTION',
      exceptionId: scenario.exception.id,
      exceptionTitle: 'Journal delivery by courier',
    });
  });

  it('names the providers of a page of requests, one audited read for the page; a viewer gets references only', async () => {
    for (const provider of [scenario.subscriber, scenario.refuser]) {
      const request = (
        await officer.ok(CreateProviderRequestDocument, {
          input: { kind: 'DISCLOSURE', channel: 'POST', requesterName: 'Someone', contact: '1-2-3 Shiba, Minato-ku' },
        })
      ).createProviderRequest;
      await officer.ok(LinkRequestProviderDocument, {
        input: {
          requestId: request.id,
          providerId: provider.id,
          expectedVersion: request.version,
        },
      });
    }
    const before = (await nameReads()).length;
    const page = (await officer.ok(ProviderRequestsDocument, {})).providerRequests.edges.map((e) => e.node.provider);
    expect(page.map((p) => p?.displayName).sort()).toEqual(['Kaito Mori', 'Rin Abe']);
    expect((await nameReads()).slice(before)).toEqual([
      {
        actorLabel: expect.stringContaining('Test PRIVACY_OFFICER') as string,
        providerIds: [scenario.refuser.id, scenario.subscriber.id].sort(),
      },
    ]);

    const viewed = (await viewer.ok(ProviderRequestsDocument, {})).providerRequests.edges.map((e) => e.node.provider);
    expect(viewed.map((p) => p?.displayName)).toEqual([null, null]);
    expect(viewed.map((p) => p?.reference).sort()).toEqual(
      [scenario.subscriber.reference, scenario.refuser.reference].sort(),
    );
    expect((await nameReads()).length).toBe(before + 1);
  });

  it('reads no name and writes no read when the names are not asked for', async () => {
    const before = (await nameReads()).length;
    // The exceptions list does not ask for its scopes' providers.
    expect((await owner.ok(PermittedExceptionsDocument, {})).permittedExceptions.length).toBeGreaterThan(0);
    expect((await nameReads()).length).toBe(before);
  });

  it('gives a viewer the reference but not the name, and audits nothing', async () => {
    const draft = (
      await owner.ok(CreateExceptionDocument, {
        input: buildExceptionInput('LAW', {
          recipientId: scenario.courierId,
          providerId: scenario.subscriber.id,
          consentEventIds: [],
        }),
      })
    ).createException;
    const before = (await nameReads()).length;
    const seen = (await viewer.ok(PermittedExceptionDocument, { id: draft.id })).permittedException!;
    expect(seen.scope.providers).toEqual([
      { id: scenario.subscriber.id, reference: scenario.subscriber.reference, displayName: null },
    ]);
    expect((await nameReads()).length).toBe(before);

    const officerSees = (await officer.ok(PermittedExceptionDocument, { id: draft.id })).permittedException!;
    expect(officerSees.scope.providers.map((p) => p.displayName)).toEqual(['Kaito Mori']);
    expect((await nameReads()).slice(before)).toEqual([
      { actorLabel: expect.stringContaining('Test PRIVACY_OFFICER') as string, providerIds: [scenario.subscriber.id] },
    ]);
  });
});
