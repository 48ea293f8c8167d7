import {
  ApproveExceptionDocument,
  CreateExceptionDocument,
  CreateLedgerCheckpointDocument,
  CreateRecipientDocument,
  IssuePartnerKeyDocument,
  PermittedExceptionDocument,
  ProviderDocument,
  ProvidersDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
  RevokeExceptionDocument,
  VerifyLedgerDocument,
  type ProvidersQuery,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput, buildExceptionInput } from './factories.js';
import { POSTGRESQL_ONLY } from './databases.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from './test-app.js';

// The same GraphQL pipeline on PostgreSQL: what differs between the databases (types, locking,
// concurrency, keyset order over uuid columns) is exercised here. Runs when DATABASE_URL is set.
describe.each(POSTGRESQL_ONLY)('on PostgreSQL', () => {
  let app: TestApp;
  let owner: TestClient;
  beforeAll(async () => {
    app = await createTestApp({ database: 'postgresql', seedDemo: true });
    owner = await app.clientAs('OWNER');
  });
  afterAll(() => app?.close());

  /** The provider's withdrawal of CONFERENCE_REGISTRATION at `p.version`, as the owner records it. */
  const withdrawRegistration = (p: { id: string; version: number }) =>
    owner.request(RecordConsentDocument, {
      input: {
        providerId: p.id,
        purposeKey: 'CONFERENCE_REGISTRATION',
        action: 'WITHDRAW',
        method: 'VERBAL',
        expectedProviderVersion: p.version,
      },
    });

  it('seeds the demo policy and providers of each kind', async () => {
    const data = await owner.ok(ProvidersDocument, { first: 100 });
    const kinds = new Set(data.providers.edges.map((e) => e.node.kind));
    expect(kinds).toEqual(new Set(['RELATED_PERSONNEL', 'BUSINESS_USER', 'SERVICE_USER']));
    expect(data.providers.edges.some((e) => e.node.displayName === '山田 太郎')).toBe(true);
  });

  it('records a collection and reads it back decrypted, with its receipt', async () => {
    const res = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const detail = await owner.ok(ProviderDocument, { id: res.recordCollection.provider.id });
    expect(detail.provider.dataItems.map((i) => i.value).sort()).toEqual([
      'Aiko Fujimoto',
      'Example Optics Lab',
      'aiko.fujimoto@example.jp',
    ]);
    expect(detail.provider.collections[0]!.receipt.hash).toBe(res.recordCollection.receipt.hash);
  });

  it('pages with keyset cursors and filters by consent state', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ProvidersQuery = await owner.ok(ProvidersDocument, {
        first: 3,
        after,
        filter: { purposeKey: 'EVENT_NEWS', consentState: 'GRANTED' },
      });
      seen.push(...page.providers.edges.map((e) => e.node.id));
      if (!page.providers.pageInfo.hasNextPage) break;
      after = page.providers.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses bad input with the field named and stores nothing', async () => {
    const count = async () =>
      Number((await app.em().getConnection().execute<{ n: string }[]>('select count(*) as n from provider'))[0]!.n);
    const before = await count();
    const res = await owner.request(RecordCollectionDocument, {
      input: buildCollectionInput({ items: [{ category: 'NAME', value: 'x\u0000y' }] }),
    });
    expect(errorOf(res).field).toBe('input.items[0].value');
    expect(await count()).toBe(before);
  });

  it('lets exactly one of concurrent writers with the same version win', async () => {
    const created = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const p = created.recordCollection.provider;
    const results = await Promise.all(['WITHDRAW', 'WITHDRAW', 'WITHDRAW'].map(() => withdrawRegistration(p)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => errorOf(r).code === 'CONFLICT').length).toBe(2);
    const detail = await owner.ok(ProviderDocument, { id: p.id });
    expect(detail.provider.consentHistory.filter((e) => e.action === 'WITHDRAW')).toHaveLength(1);
  });

  it('records a consent change all or nothing', async () => {
    const created = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const p = created.recordCollection.provider;
    const conn = app.em().getConnection();
    await conn.execute(
      `create function steward_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`,
    );
    await conn.execute(
      `create trigger refuse_consent_audit before insert on audit_entry for each row when (new.action = 'consent.record') execute function steward_test_refuse()`,
    );
    try {
      const res = await withdrawRegistration(p);
      expect(errorOf(res).code).toBe('INTERNAL_SERVER_ERROR');
      const after = await owner.ok(ProviderDocument, { id: p.id });
      expect(after.provider.version).toBe(p.version);
      expect(after.provider.consentHistory).toHaveLength(2);
      expect(after.provider.consents.find((c) => c.purpose.key === 'CONFERENCE_REGISTRATION')?.state).toBe('GRANTED');
      const rows = await conn.execute<{ state: string }[]>(
        "select cs.state from consent_state cs join purpose pu on pu.id = cs.purpose_id where cs.provider_id = ? and pu.key = 'CONFERENCE_REGISTRATION'",
        [p.id],
      );
      expect(rows[0]!.state).toBe('GRANTED');
    } finally {
      await conn.execute('drop trigger refuse_consent_audit on audit_entry');
      await conn.execute('drop function steward_test_refuse()');
    }
  });

  it('keeps the ledger append-only and unbroken under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 6 }, () => owner.ok(RecordCollectionDocument, { input: buildCollectionInput() })),
    );
    const result = (await owner.ok(VerifyLedgerDocument)).verifyLedger;
    expect(result).toMatchObject({ ok: true, firstFailure: null });
    expect(result.checkedEntries).toBe(result.headSequence);
    const conn = app.em().getConnection();
    await expect(conn.execute("update ledger_entry set actor = 'x' where sequence = 1")).rejects.toThrow(/append-only/);
    await expect(conn.execute('delete from ledger_entry where sequence = 1')).rejects.toThrow(/append-only/);
    await expect(conn.execute('truncate ledger_entry')).rejects.toThrow(/append-only/);
    await owner.ok(CreateLedgerCheckpointDocument);
    await expect(conn.execute("update ledger_checkpoint set signature = 'x'")).rejects.toThrow(/append-only/);
    await expect(conn.execute('delete from ledger_checkpoint')).rejects.toThrow(/append-only/);
    await expect(conn.execute('truncate ledger_checkpoint')).rejects.toThrow(/append-only/);
  });

  it('detects an edited entry', async () => {
    const conn = app.em().getConnection();
    await conn.execute('alter table ledger_entry disable trigger ledger_entry_no_update_delete');
    try {
      await conn.execute(`update ledger_entry set categories = '["NAME"]'::jsonb where sequence = 2`);
      expect((await owner.ok(VerifyLedgerDocument)).verifyLedger.firstFailure).toEqual({
        sequence: 2,
        reason: 'The entry was changed after it was written',
      });
    } finally {
      await conn.execute('alter table ledger_entry enable trigger ledger_entry_no_update_delete');
    }
  });
  it('drafts, approves and revokes exceptions of every kind (jsonb scope, uuid references) and hashes partner keys', async () => {
    const officer = await app.clientAs('PRIVACY_OFFICER');
    const courier = (await owner.ok(CreateRecipientDocument, { input: { name: 'PG Courier', kind: 'CONTRACTOR' } }))
      .createRecipient;
    const collected = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const provider = (await owner.ok(ProviderDocument, { id: collected.recordCollection.provider.id })).provider;
    // A provider agreement cites a grant of the provider it covers.
    const grant = provider.consentHistory.find((e) => e.action === 'GRANT')!;
    const refs = { recipientId: courier.id, providerId: provider.id, consentEventIds: [grant.id] };
    for (const kind of ['LAW', 'PROVIDER_AGREEMENT', 'OUTSOURCING', 'BOARD_APPROVAL'] as const) {
      const e = (await owner.ok(CreateExceptionDocument, { input: buildExceptionInput(kind, refs) })).createException;
      expect(e.missingEvidence).toEqual([]);
      const a = (await officer.ok(ApproveExceptionDocument, { input: { id: e.id, expectedVersion: e.version } }))
        .approveException;
      expect(a.status).toBe('ACTIVE');
      const r = (
        await owner.ok(RevokeExceptionDocument, { input: { id: e.id, reason: 'Ended', expectedVersion: a.version } })
      ).revokeException;
      expect(r.status).toBe('REVOKED');
      expect((await officer.ok(PermittedExceptionDocument, { id: e.id })).permittedException?.status).toBe('REVOKED');
    }
    const bad = await owner.request(CreateExceptionDocument, {
      input: buildExceptionInput('LAW', { ...refs, providerId: '------------------------------------' }),
    });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scope.providerIds[0]' });
    const key = (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: courier.id, label: 'Dispatch' } }))
      .issuePartnerKey.key;
    const secret = key.split('_')[2]!;
    const rows = await app.em().getConnection().execute('select * from partner_credential');
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});
