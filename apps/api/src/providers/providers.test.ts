import {
  ProviderDocument,
  ProviderOptionsDocument,
  ProvidersDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
  SetDataItemPublicDocument,
  UpdateProviderDocument,
  type ProviderOptionsQueryVariables,
  type ProvidersQuery,
  type ProvidersQueryVariables,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

let app: TestApp;
let owner: TestClient;
const made: { id: string; reference: string; version: number }[] = [];

/** Seven providers: kinds alternate, EVENT_NEWS granted for even ones and refused for odd ones. */
beforeAll(async () => {
  app = await createTestApp();
  owner = await app.clientAs('OWNER');
  const kinds = ['SERVICE_USER', 'BUSINESS_USER', 'RELATED_PERSONNEL'] as const;
  for (let i = 0; i < 7; i++) {
    const data = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        newProvider: { kind: kinds[i % 3]!, reference: `REF-${String(i).padStart(3, '0')}` },
        purposes: [
          { purposeKey: 'CONFERENCE_REGISTRATION', granted: true },
          { purposeKey: 'EVENT_NEWS', granted: i % 2 === 0 },
        ],
        items: [
          { category: 'NAME', value: `Person${i} Common` },
          { category: 'EMAIL', value: `Person.${i}@Example.JP` },
        ],
      }),
    });
    made.push(data.recordCollection.provider);
  }
});
afterAll(() => app.close());

async function allPages(variables: ProvidersQueryVariables, pageSize: number) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 20; guard++) {
    const data: ProvidersQuery = await owner.ok(ProvidersDocument, { ...variables, first: pageSize, after });
    seen.push(...data.providers.edges.map((e) => e.node.reference));
    expect(data.providers.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!data.providers.pageInfo.hasNextPage) return seen;
    after = data.providers.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('providers list', () => {
  it('pages through everyone newest first, without gaps or repeats', async () => {
    const refs = await allPages({}, 3);
    expect(refs).toEqual([...made].reverse().map((p) => p.reference));
  });

  it('filters by kind, and by purpose and consent state', async () => {
    expect(await allPages({ filter: { kind: 'BUSINESS_USER' } }, 2)).toEqual(['REF-004', 'REF-001']);
    expect(await allPages({ filter: { purposeKey: 'EVENT_NEWS', consentState: 'GRANTED' } }, 2)).toEqual([
      'REF-006',
      'REF-004',
      'REF-002',
      'REF-000',
    ]);
    expect(await allPages({ filter: { purposeKey: 'EVENT_NEWS', consentState: 'REFUSED' } }, 2)).toEqual([
      'REF-005',
      'REF-003',
      'REF-001',
    ]);
    expect(
      await allPages(
        { filter: { purposeKey: 'JOURNAL_DELIVERY', consentState: 'NOT_ASKED', kind: 'RELATED_PERSONNEL' } },
        5,
      ),
    ).toEqual(['REF-005', 'REF-002']);
    expect(
      await allPages({ filter: { purposeKey: 'EVENT_NEWS', consentState: 'GRANTED', kind: 'SERVICE_USER' } }, 1),
    ).toEqual(['REF-006', 'REF-000']);
  });

  it('finds by exact e-mail and whole name words through the blind index, and by reference prefix', async () => {
    expect(await allPages({ filter: { search: 'person.3@example.jp' } }, 10)).toEqual(['REF-003']);
    expect(await allPages({ filter: { search: 'person.3@example' } }, 10)).toEqual([]);
    expect(await allPages({ filter: { search: 'common person5' } }, 10)).toEqual(['REF-005']);
    expect(await allPages({ filter: { search: 'Comm' } }, 10)).toEqual([]);
    expect(await allPages({ filter: { search: 'ref-00' } }, 4)).toHaveLength(7);
    expect(await allPages({ filter: { search: 'REF-006' } }, 4)).toEqual(['REF-006']);
  });

  it('shows the most recent name and audits that names were read', async () => {
    const data = await owner.ok(ProvidersDocument, { first: 2 });
    expect(data.providers.edges.map((e) => e.node.displayName)).toEqual(['Person6 Common', 'Person5 Common']);
    const rows = await app
      .em()
      .getConnection()
      .execute<{ provider_ids: string }[]>(
        "select provider_ids from audit_entry where action = 'providers.list' order by id desc limit 1",
      );
    expect(String(rows[0]!.provider_ids)).toContain(made[6]!.id);
  });

  it('refuses bad arguments with the offending field', async () => {
    const cases: [ProvidersQueryVariables, string][] = [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'garbage' }, 'after'],
      [{ after: Buffer.from('c1:../../etc').toString('base64url') }, 'after'],
      [{ filter: { consentState: 'GRANTED' } }, 'filter.purposeKey'],
      [{ filter: { purposeKey: 'NOPE' } }, 'filter.purposeKey'],
      [{ filter: { search: 'x\u0000' } }, 'filter.search'],
    ];
    for (const [variables, field] of cases) {
      expect(errorOf(await owner.request(ProvidersDocument, variables))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it('is readable by a viewer but not by anyone signed out', async () => {
    const viewer = await app.clientAs('VIEWER');
    expect((await viewer.ok(ProvidersDocument, { first: 1 })).providers.edges).toHaveLength(1);
    expect(errorOf(await app.client().request(ProvidersDocument, {})).code).toBe('UNAUTHENTICATED');
  });
});

describe('provider picker options', () => {
  const reads = () =>
    app
      .em()
      .getConnection()
      .execute<{ provider_ids: string; detail: string }[]>(
        "select provider_ids, detail from audit_entry where action = 'provider.read' order by id",
      );

  it('finds by reference prefix or name, newest first, at most `first`, with reference and name', async () => {
    const { providerOptions } = await owner.ok(ProviderOptionsDocument, { search: 'ref-00', first: 3 });
    expect(providerOptions).toEqual(
      [made[6]!, made[5]!, made[4]!].map((p, i) => ({
        id: p.id,
        reference: p.reference,
        displayName: `Person${6 - i} Common`,
      })),
    );
    const byName = await owner.ok(ProviderOptionsDocument, { search: 'person2 common' });
    expect(byName.providerOptions.map((o) => o.reference)).toEqual(['REF-002']);
    // No term: the newest, for a picker opened before anything is typed.
    const newest = await owner.ok(ProviderOptionsDocument, { first: 2 });
    expect(newest.providerOptions.map((o) => o.reference)).toEqual(['REF-006', 'REF-005']);
  });

  it('labels the providers named by id, leaving out ids that name none', async () => {
    const ids = [made[1]!.id, made[3]!.id, '0190a0a0-0000-7000-8000-000000000000', 'not-a-uuid'];
    const { providerOptions } = await owner.ok(ProviderOptionsDocument, { ids });
    expect(providerOptions.map((o) => [o.reference, o.displayName])).toEqual([
      ['REF-001', 'Person1 Common'],
      ['REF-003', 'Person3 Common'],
    ]);
  });

  it('audits each answer that shows names as one provider.read naming every provider shown', async () => {
    const before = (await reads()).length;
    const { providerOptions } = await owner.ok(ProviderOptionsDocument, { search: 'ref-00', first: 4 });
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    const shown = providerOptions.map((o) => o.id).sort();
    const last = after.at(-1)!;
    const logged = (
      typeof last.provider_ids === 'string' ? JSON.parse(last.provider_ids) : last.provider_ids
    ) as string[];
    expect([...logged].sort()).toEqual(shown);
    expect(JSON.parse(String(last.detail))).toMatchObject({ categories: ['NAME'], count: 4, view: 'picker' });
    // Nothing found, no name shown: nothing to audit.
    await owner.ok(ProviderOptionsDocument, { search: 'nobody-at-all' });
    expect(await reads()).toHaveLength(before + 1);
  });

  it('refuses bad arguments with the offending field, writing nothing', async () => {
    const before = (await reads()).length;
    const cases: [ProviderOptionsQueryVariables, string, string][] = [
      [{ first: 0 }, 'first', 'BAD_USER_INPUT'],
      [{ first: 51 }, 'first', 'BAD_USER_INPUT'],
      [{ search: 'x\u0000' }, 'search', 'BAD_USER_INPUT'],
      [{ search: 'x'.repeat(201) }, 'search', 'BAD_USER_INPUT'],
      [{ search: 'ref', ids: [made[0]!.id] }, 'ids', 'BAD_USER_INPUT'],
      [{ ids: made.map((p) => p.id), first: 3 }, 'ids', 'BAD_USER_INPUT'],
    ];
    for (const [variables, field, code] of cases) {
      expect(errorOf(await owner.request(ProviderOptionsDocument, variables)), JSON.stringify(variables)).toMatchObject(
        { code, field },
      );
    }
    expect(await reads()).toHaveLength(before);
  });

  it('is open to a viewer but not to anyone signed out', async () => {
    const viewer = await app.clientAs('VIEWER');
    expect((await viewer.ok(ProviderOptionsDocument, { first: 1 })).providerOptions).toHaveLength(1);
    expect(errorOf(await app.client().request(ProviderOptionsDocument, {})).code).toBe('UNAUTHENTICATED');
  });
});

describe('consent changes', () => {
  it('appends grant and withdrawal events; history is never rewritten', async () => {
    const p = made[1]!;
    const before = await owner.ok(ProviderDocument, { id: p.id });
    const firstEvents = before.provider.consentHistory.map((e) => [e.id, e.action, e.occurredAt]);
    const granted = await owner.ok(RecordConsentDocument, {
      input: {
        providerId: p.id,
        purposeKey: 'EVENT_NEWS',
        action: 'GRANT',
        method: 'EMAIL_REPLY',
        expectedProviderVersion: before.provider.version,
      },
    });
    const withdrawn = await owner.ok(RecordConsentDocument, {
      input: {
        providerId: p.id,
        purposeKey: 'EVENT_NEWS',
        action: 'WITHDRAW',
        method: 'EMAIL_REPLY',
        note: 'Unsubscribed',
        expectedProviderVersion: granted.recordConsent.version,
      },
    });
    const after = await owner.ok(ProviderDocument, { id: p.id });
    expect(after.provider.version).toBe(withdrawn.recordConsent.version);
    expect(after.provider.consents.find((c) => c.purpose.key === 'EVENT_NEWS')?.state).toBe('WITHDRAWN');
    const history = after.provider.consentHistory;
    expect(history.map((e) => e.action)).toEqual(['WITHDRAW', 'GRANT', 'REFUSE', 'GRANT']);
    expect(history.slice(2).map((e) => [e.id, e.action, e.occurredAt])).toEqual(firstEvents);
    expect(history[0]!.note).toBe('Unsubscribed');
    // The list filter follows the derived state.
    expect(await allPages({ filter: { purposeKey: 'EVENT_NEWS', consentState: 'WITHDRAWN' } }, 5)).toEqual([
      p.reference,
    ]);
  });

  it('refuses changes that are not changes, unknown purposes and stale versions', async () => {
    const p = (await owner.ok(ProviderDocument, { id: made[3]!.id })).provider;
    const base = { providerId: p.id, method: 'VERBAL' as const, expectedProviderVersion: p.version };
    const cases: [
      Partial<typeof base> & { purposeKey: string; action: 'GRANT' | 'WITHDRAW' | 'REFUSE' },
      string,
      string,
    ][] = [
      [{ purposeKey: 'EVENT_NEWS', action: 'WITHDRAW' }, 'BAD_USER_INPUT', 'NOT_GRANTED'],
      [{ purposeKey: 'CONFERENCE_REGISTRATION', action: 'GRANT' }, 'BAD_USER_INPUT', 'NO_CHANGE'],
      [{ purposeKey: 'CONFERENCE_REGISTRATION', action: 'REFUSE' }, 'BAD_USER_INPUT', 'INVALID_TRANSITION'],
      [{ purposeKey: 'NOT_A_PURPOSE', action: 'GRANT' }, 'BAD_USER_INPUT', 'UNKNOWN_PURPOSE'],
      [{ purposeKey: 'EVENT_NEWS', action: 'GRANT', expectedProviderVersion: p.version - 1 }, 'CONFLICT', ''],
    ];
    for (const [override, code, issue] of cases) {
      const res = await owner.request(RecordConsentDocument, { input: { ...base, ...override } });
      expect(errorOf(res).code).toBe(code);
      if (issue) expect(errorOf(res).issues?.map((i) => i.code)).toContain(issue);
    }
    const after = (await owner.ok(ProviderDocument, { id: p.id })).provider;
    expect(after.version).toBe(p.version);
    expect(after.consentHistory).toHaveLength(p.consentHistory.length);
  });

  it('is refused to a viewer', async () => {
    const viewer = await app.clientAs('VIEWER');
    const p = made[0]!;
    const res = await viewer.request(RecordConsentDocument, {
      input: {
        providerId: p.id,
        purposeKey: 'EVENT_NEWS',
        action: 'WITHDRAW',
        method: 'VERBAL',
        expectedProviderVersion: 1,
      },
    });
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });
});

describe('provider edits', () => {
  it('updates the reference with optimistic locking and refuses duplicates', async () => {
    const p = (await owner.ok(ProviderDocument, { id: made[2]!.id })).provider;
    const updated = await owner.ok(UpdateProviderDocument, {
      input: { id: p.id, expectedVersion: p.version, reference: 'REF-102' },
    });
    expect(updated.updateProvider).toMatchObject({ reference: 'REF-102', version: p.version + 1 });
    const stale = await owner.request(UpdateProviderDocument, {
      input: { id: p.id, expectedVersion: p.version, reference: 'REF-999' },
    });
    expect(errorOf(stale).code).toBe('CONFLICT');
    const dup = await owner.request(UpdateProviderDocument, {
      input: { id: p.id, expectedVersion: p.version + 1, reference: 'REF-000' },
    });
    expect(errorOf(dup)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reference' });
    expect((await owner.ok(ProviderDocument, { id: p.id })).provider.reference).toBe('REF-102');
  });

  it('marks an item as made public only with provenance (clause 3)', async () => {
    const p = (await owner.ok(ProviderDocument, { id: made[4]!.id })).provider;
    const item = p.dataItems.find((i) => i.category === 'NAME')!;
    const missing = await owner.request(SetDataItemPublicDocument, {
      input: { itemId: item.id, expectedVersion: item.version, publiclyAvailable: true },
    });
    expect(errorOf(missing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.publicProvenance' });
    const ok = await owner.ok(SetDataItemPublicDocument, {
      input: {
        itemId: item.id,
        expectedVersion: item.version,
        publiclyAvailable: true,
        publicProvenance: 'Conference programme 2026',
      },
    });
    expect(ok.setDataItemPublic).toMatchObject({
      publiclyAvailable: true,
      publicProvenance: 'Conference programme 2026',
      version: item.version + 1,
    });
    const stale = await owner.request(SetDataItemPublicDocument, {
      input: { itemId: item.id, expectedVersion: item.version, publiclyAvailable: false },
    });
    expect(errorOf(stale).code).toBe('CONFLICT');
  });
});
