import {
  ChangeRequestStatusDocument,
  CreateProviderRequestDocument,
  ProviderDocument,
  ProviderRequestDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
} from '@steward/schema';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStart } from '../bootstrap.js';
import { DATABASES } from '../test/databases.js';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { sealLegacyText, SEALED_TEXT_COLUMNS } from './seal-legacy-text.js';

// The issue found these in plaintext by planting unique values and searching the database file, its
// WAL and a pg_dump: the same search, on both databases.
describe.each(DATABASES)('free text about providers is sealed at rest on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'steward-sealed-'));
    file = join(dir, 'steward.sqlite');
    app = await createTestApp({ database, ...(database === 'sqlite' ? { sqliteFile: file } : {}) });
    owner = await app.clientAs('OWNER');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Everything the database holds, as bytes: the SQLite file and its WAL, or every row of every table. */
  async function rawDatabase(): Promise<Buffer> {
    if (database === 'sqlite') {
      return Buffer.concat(
        [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
      );
    }
    const conn = app.em().getConnection();
    const tables = await conn.execute<{ name: string }[]>(
      "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
    );
    const rows: string[] = [];
    for (const { name } of tables) {
      const dump = await conn.execute<{ row: string }[]>(`select t::text as row from "${name}" t`);
      rows.push(...dump.map((r) => r.row));
    }
    return Buffer.from(rows.join('\n'), 'utf8');
  }

  function canary(what: string): string {
    return `${what}-canary-${randomBytes(6).toString('hex')}`;
  }

  async function plant(): Promise<{ providerId: string; source: string; note: string; consentNote: string }> {
    const source = canary('source');
    const note = canary('note');
    const consentNote = canary('consent-note');
    const made = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput({ source, note }) });
    const providerId = made.recordCollection.provider.id;
    await owner.ok(RecordConsentDocument, {
      input: {
        providerId,
        purposeKey: 'EVENT_NEWS',
        action: 'GRANT',
        method: 'EMAIL_REPLY',
        note: consentNote,
        expectedProviderVersion: made.recordCollection.provider.version,
      },
    });
    return { providerId, source, note, consentNote };
  }

  async function expectReadBack(planted: Awaited<ReturnType<typeof plant>>): Promise<void> {
    const { provider } = await owner.ok(ProviderDocument, { id: planted.providerId });
    expect(provider?.collections.map((c) => [c.source, c.note])).toEqual([[planted.source, planted.note]]);
    expect(provider?.consentHistory.map((e) => e.note)).toContain(planted.consentNote);
    expect(provider?.dataItems.length).toBeGreaterThan(0);
    for (const item of provider?.dataItems ?? []) expect(item.source).toBe(planted.source);
  }

  it("stores a collection's source and note, a consent note and each item's source only sealed; staff read them", async () => {
    const planted = await plant();
    const raw = await rawDatabase();
    for (const value of [planted.source, planted.note, planted.consentNote]) expect(raw.includes(value)).toBe(false);
    await expectReadBack(planted);
  });

  it("stores a request's rejection reason and its status change's reason only sealed; staff read them", async () => {
    const reason = canary('rejection');
    const { createProviderRequest: request } = await owner.ok(CreateProviderRequestDocument, {
      input: { kind: 'DISCLOSURE', channel: 'POST', requesterName: 'Aiko Fujimoto', contact: '1-2-3 Shiba' },
    });
    await owner.ok(ChangeRequestStatusDocument, {
      input: { requestId: request.id, expectedVersion: request.version, status: 'REJECTED', reason },
    });
    expect((await rawDatabase()).includes(reason)).toBe(false);
    const { providerRequest } = await owner.ok(ProviderRequestDocument, { id: request.id });
    expect(providerRequest?.rejectionReason).toBe(reason);
    expect(providerRequest?.history.map((h) => h.reason)).toContain(reason);
  });

  it('seals plaintext an older release stored, at start, once; two instances sealing together seal each row once', async () => {
    const planted = await plant();
    const conn = app.em().getConnection();
    // What the rows held before Migration20261207034500: plaintext in the renamed columns.
    const [collection] = await conn.execute<{ id: string }[]>(
      'select id from collection_record where provider_id = ?',
      [planted.providerId],
    );
    await conn.execute('update collection_record set source_sealed = ?, note_sealed = ? where id = ?', [
      planted.source,
      planted.note,
      collection!.id,
    ]);
    await conn.execute('update consent_event set note_sealed = ? where provider_id = ? and note_sealed is not null', [
      planted.consentNote,
      planted.providerId,
    ]);
    await conn.execute('update personal_data_item set source_sealed = ? where provider_id = ?', [
      planted.source,
      planted.providerId,
    ]);
    const [items] = await conn.execute<{ n: number | string }[]>(
      'select count(*) as n from personal_data_item where provider_id = ?',
      [planted.providerId],
    );
    // A rejected request's reason, on the request and on its status change.
    const rejection = canary('rejection');
    const { createProviderRequest: request } = await owner.ok(CreateProviderRequestDocument, {
      input: { kind: 'DISCLOSURE', channel: 'POST', requesterName: 'Aiko Fujimoto', contact: '1-2-3 Shiba' },
    });
    await owner.ok(ChangeRequestStatusDocument, {
      input: { requestId: request.id, expectedVersion: request.version, status: 'REJECTED', reason: rejection },
    });
    await conn.execute('update provider_request set rejection_reason_sealed = ? where id = ?', [rejection, request.id]);
    await conn.execute(
      'update request_status_change set reason_sealed = ? where request_id = ? and reason_sealed is not null',
      [rejection, request.id],
    );
    const legacy = 3 + Number(items!.n) + 2;
    expect((await rawDatabase()).includes(planted.note)).toBe(true);

    // Two instances starting together: each row is sealed by one of them.
    const counts = await Promise.all([
      sealLegacyText(app.em(), app.deps.cipher),
      sealLegacyText(app.em(), app.deps.cipher),
    ]);
    expect(counts[0]! + counts[1]!).toBe(legacy);
    await expectReadBack(planted);
    const { providerRequest } = await owner.ok(ProviderRequestDocument, { id: request.id });
    expect(providerRequest?.rejectionReason).toBe(rejection);
    expect(providerRequest?.history.map((h) => h.reason)).toContain(rejection);
    const raw = await rawDatabase();
    for (const value of [planted.source, planted.note, planted.consentNote, rejection])
      expect(raw.includes(value)).toBe(false);

    // The start step runs it; now there is nothing left to seal, and nothing is rewritten.
    const sealedColumns = async () => {
      const out: unknown[] = [];
      for (const c of SEALED_TEXT_COLUMNS)
        out.push(await conn.execute(`select id, ${c.column} from ${c.table} order by id`));
      return out;
    };
    const before = await sealedColumns();
    const info: string[] = [];
    await firstStart(app.orm, { ...app.deps, log: { ...app.deps.log, info: (m) => info.push(m) } });
    expect(await sealedColumns()).toEqual(before);
    expect(info.filter((m) => m.startsWith('Sealed'))).toEqual([]);
    expect(await sealLegacyText(app.em(), app.deps.cipher)).toBe(0);
  });

  it('the start step seals legacy rows and says how many', async () => {
    const planted = await plant();
    await app
      .em()
      .getConnection()
      .execute('update collection_record set note_sealed = ? where provider_id = ?', [
        planted.note,
        planted.providerId,
      ]);
    const info: string[] = [];
    await firstStart(app.orm, { ...app.deps, log: { ...app.deps.log, info: (m) => info.push(m) } });
    expect(info).toContain('Sealed 1 free-text values stored before they were encrypted');
    await expectReadBack(planted);
  });
});
