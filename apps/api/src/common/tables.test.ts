import {
  AuditActorsDocument,
  AuditLogDocument,
  CreateProviderRequestDocument,
  ProviderRequestsDocument,
  ProvidersDocument,
  RecordCollectionDocument,
  type AuditLogQueryVariables,
  type ProviderRequestsQuery,
  type ProvidersQuery,
  type ProviderRequestsQueryVariables,
  type ProvidersQueryVariables,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAuditRows } from '../audit/audit.queries.js';
import { newId } from './ids.js';
import { buildCollectionInput } from '../test/factories.js';
import { DATABASES } from '../test/databases.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { TOTAL_COUNT_CAP } from './connection.js';

// Tables that work (issue 17): totalCount on the connections (exact, filtered, capped), sorted keyset
// paging that neither skips nor repeats a row, the requests list paged like the others, the audit filters.

describe.each(DATABASES)('tables on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  // References chosen so that reference order is not creation order.
  const REFERENCES = ['M-05', 'A-01', 'Z-09', 'C-03', 'B-02', 'Y-08', 'D-04', 'X-07', 'E-00'];
  const providerIds = new Map<string, string>();

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    for (const [i, reference] of REFERENCES.entries()) {
      const data = await owner.ok(RecordCollectionDocument, {
        input: buildCollectionInput({
          newProvider: { kind: i % 3 === 0 ? 'BUSINESS_USER' : 'SERVICE_USER', reference },
          items: [{ category: 'NAME', value: `Member${i} Tables` }],
        }),
      });
      providerIds.set(reference, data.recordCollection.provider.id);
    }
  });
  afterAll(() => app.close());

  async function providerPages(variables: ProvidersQueryVariables, first: number) {
    const seen: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let guard = 0; guard < 30; guard++) {
      const { providers }: ProvidersQuery = await owner.ok(ProvidersDocument, { ...variables, first, after });
      seen.push(...providers.edges.map((e) => e.node.reference));
      totals.add(providers.totalCount);
      expect(providers.totalCountCapped).toBe(false);
      if (!providers.pageInfo.hasNextPage) return { seen, totals: [...totals] };
      after = providers.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }

  describe('provider list: totals and sorting', () => {
    it('counts every provider, and only those a filter matches, the same on every page', async () => {
      expect(await providerPages({}, 4)).toEqual({ seen: [...REFERENCES].reverse(), totals: [9] });
      const business = await providerPages({ filter: { kind: 'BUSINESS_USER' } }, 2);
      expect(business).toEqual({ seen: ['D-04', 'C-03', 'M-05'], totals: [3] });
      expect((await providerPages({ filter: { search: 'nobody-here' } }, 5)).totals).toEqual([0]);
    });

    it('sorts by reference both ways across pages, each row exactly once', async () => {
      const ascending = [...REFERENCES].sort();
      for (const first of [1, 2, 4]) {
        expect((await providerPages({ sort: { field: 'REFERENCE', direction: 'ASC' } }, first)).seen).toEqual(
          ascending,
        );
        expect((await providerPages({ sort: { field: 'REFERENCE', direction: 'DESC' } }, first)).seen).toEqual(
          [...ascending].reverse(),
        );
      }
      expect((await providerPages({ sort: { field: 'CREATED', direction: 'ASC' } }, 4)).seen).toEqual(REFERENCES);
    });

    it('refuses a cursor read in another order (BAD_USER_INPUT on `after`), never a wrong page', async () => {
      const { providers } = await owner.ok(ProvidersDocument, {
        first: 2,
        sort: { field: 'REFERENCE', direction: 'ASC' },
      });
      const res = await owner.request(ProvidersDocument, {
        first: 2,
        after: providers.pageInfo.endCursor,
        sort: { field: 'REFERENCE', direction: 'DESC' },
      });
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(res.errors)).toContain('after');
    });
  });

  describe('provider requests: paged, sorted, counted', () => {
    const references: string[] = [];
    beforeAll(async () => {
      // 12 requests over 4 received days: three share each day, so the due dates tie in threes.
      for (let i = 0; i < 12; i++) {
        const receivedAt = new Date(app.deps.now().getTime() - (1 + (i % 4) * 7) * 86_400_000);
        const r = await officer.ok(CreateProviderRequestDocument, {
          input: {
            kind: 'DISCLOSURE',
            channel: 'POST',
            requesterName: `Requester ${i}`,
            contact: 'Minato-ku',
            receivedAt: receivedAt.toISOString(),
          },
        });
        references.push(r.createProviderRequest.reference);
      }
    });

    async function requestPages(variables: ProviderRequestsQueryVariables, first: number) {
      const seen: { reference: string; dueAt: string }[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 30; guard++) {
        const { providerRequests }: ProviderRequestsQuery = await officer.ok(ProviderRequestsDocument, {
          ...variables,
          first,
          after,
        });
        expect(providerRequests.totalCount).toBe(12);
        seen.push(...providerRequests.edges.map((e) => ({ reference: e.node.reference, dueAt: String(e.node.dueAt) })));
        if (!providerRequests.pageInfo.hasNextPage) return seen;
        after = providerRequests.pageInfo.endCursor;
      }
      throw new Error('pagination did not end');
    }

    it('pages past 100 rows the same way as every list: by cursor, with the total (the list stopped at 100 before)', async () => {
      const newest = await requestPages({}, 5);
      expect(newest.map((r) => r.reference).sort()).toEqual([...references].sort());
      expect(new Set(newest.map((r) => r.reference)).size).toBe(12);
    });

    it('sorts by due date both ways across pages, ties kept in id order, none skipped or repeated', async () => {
      for (const direction of ['ASC', 'DESC'] as const) {
        for (const first of [2, 5]) {
          const rows = await requestPages({ sort: { field: 'DUE', direction } }, first);
          expect(rows).toHaveLength(12);
          expect(new Set(rows.map((r) => r.reference)).size).toBe(12);
          const dues = rows.map((r) => Date.parse(r.dueAt));
          const ordered = [...dues].sort((a, b) => (direction === 'ASC' ? a - b : b - a));
          expect(dues).toEqual(ordered);
        }
      }
    });

    it('counts a filtered list', async () => {
      const { providerRequests } = await officer.ok(ProviderRequestsDocument, {
        first: 1,
        filter: { status: 'COMPLETED' },
      });
      expect(providerRequests.totalCount).toBe(0);
      expect(providerRequests.totalCountCapped).toBe(false);
    });
  });

  describe('audit log: filters, names, totals', () => {
    async function auditPage(variables: AuditLogQueryVariables) {
      return (await owner.ok(AuditLogDocument, { first: 50, ...variables })).auditLog;
    }

    it('names the actor and role, the providers by reference and the detail as fields', async () => {
      const { auditActors } = await owner.ok(AuditActorsDocument, {});
      const me = auditActors.find((a) => a.role === 'PRIVACY_OFFICER')!;
      const log = await auditPage({ filter: { actorId: me.id, action: 'requests.list' } });
      expect(log.totalCount).toBeGreaterThan(0);
      expect(log.edges.every((e) => e.node.actorId === me.id && e.node.action === 'requests.list')).toBe(true);
      expect(log.edges[0]!.node).toMatchObject({ actorName: me.name, actorRole: 'PRIVACY_OFFICER' });
      expect(log.edges[0]!.node.detailFields).toEqual(expect.arrayContaining([{ key: 'fields', value: 'requester' }]));
    });

    it('filters by provider reference and by time; an unknown reference finds nothing', async () => {
      const id = providerIds.get('C-03')!;
      const byReference = await auditPage({ filter: { providerReference: 'C-03' } });
      expect(byReference.totalCount).toBeGreaterThan(0);
      expect(byReference.edges.every((e) => e.node.providerIds.includes(id))).toBe(true);
      expect(byReference.edges.flatMap((e) => e.node.providers).find((p) => p.id === id)?.reference).toBe('C-03');
      expect((await auditPage({ filter: { providerReference: 'NO-SUCH' } })).totalCount).toBe(0);

      const future = new Date(Date.now() + 86_400_000);
      expect((await auditPage({ filter: { from: future.toISOString() } })).totalCount).toBe(0);
      const all = await auditPage({});
      const upToNow = await auditPage({ filter: { to: future.toISOString() } });
      expect(upToNow.totalCount).toBe(all.totalCount);
      const bad = await owner.request(AuditLogDocument, { first: 5, filter: { actorId: 'nope' } });
      expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('pages oldest first without skipping or repeating an entry', async () => {
      const total = (await auditPage({ filter: { action: 'providers.list' } })).totalCount;
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 100; guard++) {
        const page = await auditPage({
          first: 3,
          after,
          filter: { action: 'providers.list' },
          sort: { field: 'AT', direction: 'ASC' },
        });
        seen.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBeGreaterThanOrEqual(total); // reading the log pages adds no providers.list entries
      expect([...seen].sort()).toEqual(seen);
    });

    it('caps the total at 10,000 and says so; a filter that matches fewer is exact', async () => {
      const rows = Array.from({ length: TOTAL_COUNT_CAP + 5 }, () => ({
        id: newId(),
        at: new Date(),
        actorId: null,
        actorLabel: 'system',
        action: 'job.bulk_test',
        entityType: 'Job',
        subject: null,
        providerIds: [],
        detail: null,
      }));
      await insertAuditRows(app.em(), rows);
      const capped = await auditPage({ first: 1 });
      expect(capped).toMatchObject({ totalCount: TOTAL_COUNT_CAP, totalCountCapped: true });
      const exact = await auditPage({ first: 1, filter: { action: 'requests.list' } });
      expect(exact.totalCountCapped).toBe(false);
      expect(exact.totalCount).toBeLessThan(100);
    });
  });
});
