import {
  JobDocument,
  RecordCollectionDocument,
  StartExportDocument,
  type StartExportMutationVariables,
} from '@steward/schema';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { SESSION_COOKIE } from '../server.js';
import { JOB_KINDS_RUN } from '../jobs/job-kinds.js';
import { JobRunner } from '../jobs/job-runner.js';
import { Job } from '../jobs/job.entity.js';
import { itemSealContext, PersonalDataItem } from '../providers/personal-data-item.entity.js';
import { DATABASES } from '../test/databases.js';
import { buildCollectionInput } from '../test/factories.js';
import { createTestAppWithOwner, errorOf, OWNER, type TestApp, type TestClient } from '../test/test-app.js';
import { ExportFile } from './export-file.entity.js';
import { exportPurgeSchedule } from './list-export.job.js';

// CSV exports end to end on both databases: started through GraphQL with the list's filter, run by
// the job runner, downloaded over HTTP with the session cookie and read back with a CSV parser.

const TRICKY = '=Sato, "Bob"\nJr.';

describe.each(DATABASES)('CSV exports on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let otherOfficer: TestClient;
  let runner: JobRunner;
  const ids: Record<'tricky' | 'yamada' | 'business', { id: string; reference: string }> = {} as never;

  async function collect(kind: 'SERVICE_USER' | 'BUSINESS_USER', name: string) {
    const { recordCollection } = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        newProvider: { kind },
        items: [{ category: 'NAME', value: name }],
      }),
    });
    return { id: recordCollection.provider.id, reference: recordCollection.provider.reference };
  }

  beforeAll(async () => {
    ({ app, owner } = await createTestAppWithOwner({ database }));
    officer = await app.clientAs('PRIVACY_OFFICER');
    otherOfficer = await app.clientAs('PRIVACY_OFFICER');
    runner = new JobRunner(app.orm, app.deps, {
      kinds: JOB_KINDS_RUN,
      schedules: [exportPurgeSchedule],
      workerId: 't',
    });
    ids.tricky = await collect('SERVICE_USER', '=Sato, "Bob" Jr.');
    ids.yamada = await collect('SERVICE_USER', '山田 太郎');
    ids.business = await collect('BUSINESS_USER', 'Carol Business');
    // A name with a line break cannot come through the input boundary (one-line field), but an
    // import or an older release may have stored one: seal it in place, as the item would be.
    const em = app.em();
    const item = await em.findOneOrFail(PersonalDataItem, { provider: ids.tricky.id, category: 'NAME' });
    item.valueSealed = app.deps.cipher.encrypt(TRICKY, itemSealContext(item.id, 'NAME'));
    await em.flush();
  }, 60_000);
  afterAll(() => app.close());

  /** Starts an export as `client` and runs it; returns the job id. */
  async function exportAs(client: TestClient, input: StartExportMutationVariables['input']): Promise<string> {
    const { startExport } = await client.ok(StartExportDocument, { input });
    expect(startExport.kind).toBe('LIST_EXPORT');
    await runner.tick();
    const { job } = await client.ok(JobDocument, { id: startExport.id });
    expect(job.status).toBe('SUCCEEDED');
    return job.id;
  }

  function download(id: string, client: TestClient | null, headers: Record<string, string> = {}) {
    return fetch(`${app.url}/api/exports/${id}`, {
      headers: { ...(client?.cookie ? { cookie: `${SESSION_COOKIE}=${client.cookie}` } : {}), ...headers },
    });
  }

  it('writes the filtered providers as UTF-8 CSV with a BOM, quoted exactly, formulas neutralised, in the asker language', async () => {
    const id = await exportAs(officer, { list: 'PROVIDERS', providers: { kind: 'SERVICE_USER' } });
    const res = await download(id, officer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The file is named in the asker's language (the organisation's default, Japanese), in UTF-8 (RFC 6266).
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[^"]*\.csv"; filename\*=UTF-8''%E6%83%85%E5%A0%B1%E6%8F%90%E4%BE%9B%E8%80%85-\d{8}-\d{4}\.csv$/,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect(records[0]).toEqual(['参照番号', '氏名', '種別', '言語', '登録日時']);
    const byReference = new Map(records.slice(1).map((r) => [r[0], r]));
    // Only the filter's kind: the business user is not in the file.
    expect([...byReference.keys()].sort()).toEqual([ids.tricky.reference, ids.yamada.reference].sort());
    expect(byReference.get(ids.tricky.reference)![1]).toBe(`'${TRICKY}`);
    expect(byReference.get(ids.yamada.reference)![1]).toBe('山田 太郎');
    expect(byReference.get(ids.yamada.reference)![2]).toBe('サービス利用者');
    expect(byReference.get(ids.yamada.reference)![4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // Generation and download are audited as reads naming exactly the providers in the file.
    const em = app.em();
    for (const action of ['export.generated', 'export.downloaded']) {
      const [entry] = await em.find(AuditEntry, { action, subject: id });
      expect(entry, action).toBeDefined();
      expect([...entry!.providerIds].sort()).toEqual([ids.tricky.id, ids.yamada.id].sort());
    }
    // The file is stored sealed, not as CSV.
    const stored = await em.findOneOrFail(ExportFile, { id }, { populate: ['contentSealed'] });
    expect(stored.contentSealed).not.toContain('山田');
    expect(JSON.parse((await em.findOneOrFail(Job, { id })).payload)).not.toHaveProperty('providers');
  });

  it('lets only the member who asked and owners download it', async () => {
    const id = await exportAs(officer, { list: 'PROVIDERS' });
    expect((await download(id, null)).status).toBe(401);
    expect((await download(id, otherOfficer)).status).toBe(404);
    expect((await download(id, officer, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await download(id, owner)).status).toBe(200);
    expect((await download(id, officer)).status).toBe(200);
    expect((await download('not-an-id', officer)).status).toBe(404);
    const downloads = await app.em().find(AuditEntry, { action: 'export.downloaded', subject: id });
    expect(downloads).toHaveLength(2);
  });

  it('refuses a bad filter with the list code and field, starting nothing', async () => {
    const before = await app.em().count(Job, { kind: 'LIST_EXPORT' });
    const res = await officer.request(StartExportDocument, {
      input: { list: 'PROVIDERS', providers: { consentState: 'GRANTED' } },
    });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.purposeKey' });
    expect(await app.em().count(Job, { kind: 'LIST_EXPORT' })).toBe(before);
    const viewer = await app.clientAs('VIEWER');
    expect(errorOf(await viewer.request(StartExportDocument, { input: { list: 'PROVIDERS' } })).code).toBe('FORBIDDEN');
  });

  it('names staff, providers and purposes, not ids, in the audit log and the ledger', async () => {
    const id = await exportAs(owner, { list: 'AUDIT_LOG', auditLog: { providerId: ids.yamada.id } });
    const audit = parse((await (await download(id, owner)).text()).slice(1)) as string[][];
    expect(audit.length).toBeGreaterThan(1);
    expect(audit.slice(1).every((r) => r[4]!.split(', ').includes(ids.yamada.reference))).toBe(true);
    const ledgerId = await exportAs(owner, { list: 'LEDGER_ENTRIES', ledgerEntries: { providerId: ids.yamada.id } });
    const ledger = parse((await (await download(ledgerId, owner)).text()).slice(1)) as string[][];
    expect(ledger.length).toBeGreaterThan(1);
    for (const row of ledger.slice(1)) {
      expect(row[4]).toBe(ids.yamada.reference);
      expect(row[3]).not.toMatch(/^admin:/);
    }
  });

  it('exports the audit log with the filters of its page: one action, from a time', async () => {
    await exportAs(officer, { list: 'RECIPIENTS' });
    const from = app.deps.now();
    await exportAs(officer, { list: 'RECIPIENTS' });
    const id = await exportAs(owner, {
      list: 'AUDIT_LOG',
      auditLog: { action: 'export.generated', from: from.toISOString() },
    });
    const rows = (parse((await (await download(id, owner)).text()).slice(1)) as string[][]).slice(1);
    // Only the action asked for, and only since `from`: the export before it is not in the file.
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r[2] === 'export.generated')).toBe(true);
    const since = (await app.em().find(AuditEntry, { action: 'export.generated' })).filter((e) => e.at >= from);
    expect(rows.length).toBeLessThanOrEqual(since.length);
    expect(rows.length).toBeLessThan(await app.em().count(AuditEntry, { action: 'export.generated' }));

    // A bad filter is refused as the list refuses it, naming the field.
    const bad = await owner.request(StartExportDocument, {
      input: { list: 'AUDIT_LOG', auditLog: { actorId: 'nope' } },
    });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.actorId' });
  });

  it('expires a file after 24 hours and the hourly purge deletes it', async () => {
    const id = await exportAs(owner, { list: 'RECIPIENTS' });
    expect((await download(id, owner)).status).toBe(200);
    app.clock.advance(24 * 3_600_000);
    // The session ended with the day too: a fresh one finds the file gone.
    await owner.login(OWNER.email, OWNER.password);
    expect((await download(id, owner)).status).toBe(404);
    await runner.tick();
    expect(await app.em().count(ExportFile, { id })).toBe(0);
    const purges = await app.em().find(Job, { kind: 'EXPORT_PURGE', status: 'SUCCEEDED' });
    expect(purges.length).toBeGreaterThan(0);
  });
});
