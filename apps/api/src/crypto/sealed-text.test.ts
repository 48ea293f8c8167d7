import {
  ChangeRequestStatusDocument,
  CreateProviderRequestDocument,
  ProviderDocument,
  ProviderRequestDocument,
  RecordCollectionDocument,
  RecordConsentDocument,
} from '@steward/schema';
import { MikroORM } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstStart } from '../bootstrap.js';
import { DATABASES, type TestDatabase } from '../test/databases.js';
import { buildCollectionInput } from '../test/factories.js';
import { ormOptions, type DatabaseTarget } from '../mikro-orm.config.js';
import { createPostgresDatabase, createTestApp, postgresUrl, type TestApp, type TestClient } from '../test/test-app.js';
import { sealLegacyText, SEALED_TEXT_COLUMNS } from './seal-legacy-text.js';
import { LEGACY_TEXT_SEALED, PLAINTEXT_PURGE_PENDING } from './seal-legacy-text.queries.js';

/** Everything the database holds, as bytes: the SQLite file and its WAL, or every row of every table. */
async function rawBytes(database: TestDatabase, file: string, app: TestApp | null): Promise<Buffer> {
  if (database === 'sqlite' || !app) {
    return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
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

interface Planted {
  providerId: string;
  source: string;
  note: string;
  consentNote: string;
}

/** A collection with a source and a note, and a consent event with a note, through the API. */
async function plantAs(
  owner: TestClient,
  values = { source: canary('source'), note: canary('note'), consentNote: canary('consent-note') },
): Promise<Planted> {
  const { source, note, consentNote } = values;
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

async function expectReadBackAs(owner: TestClient, planted: Planted): Promise<void> {
  const { provider } = await owner.ok(ProviderDocument, { id: planted.providerId });
  expect(provider?.collections.map((c) => [c.source, c.note])).toEqual([[planted.source, planted.note]]);
  expect(provider?.consentHistory.map((e) => e.note)).toContain(planted.consentNote);
  expect(provider?.dataItems.length).toBeGreaterThan(0);
  for (const item of provider?.dataItems ?? []) expect(item.source).toBe(planted.source);
}

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

  const rawDatabase = () => rawBytes(database, file, app);

  /** As the release before left the database: neither key of the sealing at start is set. */
  async function asBeforeSealing(): Promise<void> {
    await app
      .em()
      .getConnection()
      .execute('delete from system_setting where "key" in (?, ?)', [LEGACY_TEXT_SEALED, PLAINTEXT_PURGE_PENDING]);
  }

  async function sealingKeys(): Promise<string[]> {
    const rows = await app
      .em()
      .getConnection()
      .execute<{ key: string }[]>('select "key" as key from system_setting where "key" like ? order by "key"', [
        'sealing.%',
      ]);
    return rows.map((r) => r.key);
  }

  const plant = () => plantAs(owner);
  const expectReadBack = (planted: Planted) => expectReadBackAs(owner, planted);

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
    await asBeforeSealing();

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
    expect(await sealingKeys()).toEqual([LEGACY_TEXT_SEALED]);
  });

  it('seals a plaintext that begins as a ciphertext of this key does, and reads it back', async () => {
    const planted = await plant();
    // Written by a person, not by the cipher: `v1.<key id>.` and then anything.
    const lookalike = `${app.deps.cipher.sealedPrefix}${canary('lookalike')}`;
    const conn = app.em().getConnection();
    await conn.execute('update collection_record set note_sealed = ? where provider_id = ?', [
      lookalike,
      planted.providerId,
    ]);
    await asBeforeSealing();
    const info: string[] = [];
    await firstStart(app.orm, { ...app.deps, log: { ...app.deps.log, info: (m) => info.push(m) } });
    expect(info).toContain('Sealed 1 free-text values stored before they were encrypted');
    await expectReadBack({ ...planted, note: lookalike });
    expect((await rawDatabase()).includes(lookalike)).toBe(false);
  });

  it('once every legacy value is sealed, a start reads no sealed column', async () => {
    const planted = await plant();
    expect(await sealingKeys()).toEqual([LEGACY_TEXT_SEALED]);
    // Not something Steward writes: it shows the start no longer scans (it would seal this).
    const conn = app.em().getConnection();
    await conn.execute('update collection_record set note_sealed = ? where provider_id = ?', [
      planted.note,
      planted.providerId,
    ]);
    expect(await sealLegacyText(app.em(), app.deps.cipher)).toBe(0);
    const [row] = await conn.execute<{ note_sealed: string }[]>(
      'select note_sealed from collection_record where provider_id = ?',
      [planted.providerId],
    );
    expect(row!.note_sealed).toBe(planted.note);
    await asBeforeSealing();
    expect(await sealLegacyText(app.em(), app.deps.cipher)).toBe(1);
  });

  it('a start that sealed everything and died before the file was rebuilt has the next start rebuild it', async () => {
    const planted = await plant();
    const conn = app.em().getConnection();
    await conn.execute('update collection_record set note_sealed = ? where provider_id = ?', [
      planted.note,
      planted.providerId,
    ]);
    await asBeforeSealing();
    const died = new Error('the process died before the file was rebuilt');
    await expect(sealLegacyText(app.em(), app.deps.cipher, () => Promise.reject(died))).rejects.toBe(died);
    expect(await sealingKeys()).toEqual([PLAINTEXT_PURGE_PENDING, LEGACY_TEXT_SEALED].sort());
    // Every row is sealed, but on SQLite the plaintext is still in the file's freed pages or its WAL.
    if (database === 'sqlite') expect((await rawDatabase()).includes(planted.note)).toBe(true);

    const info: string[] = [];
    await firstStart(app.orm, { ...app.deps, log: { ...app.deps.log, info: (m) => info.push(m) } });
    expect(info.filter((m) => m.startsWith('Sealed'))).toEqual([]);
    expect((await rawDatabase()).includes(planted.note)).toBe(false);
    expect(await sealingKeys()).toEqual([LEGACY_TEXT_SEALED]);
    await expectReadBack(planted);
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
    await asBeforeSealing();
    const info: string[] = [];
    await firstStart(app.orm, { ...app.deps, log: { ...app.deps.log, info: (m) => info.push(m) } });
    expect(info).toContain('Sealed 1 free-text values stored before they were encrypted');
    await expectReadBack(planted);
  });
});

/** The last migration of the release that stored this free text in plaintext. */
const BEFORE_SEALING = 'Migration20261207032842';

// The upgrade itself: a database as the release before left it (its schema, its plaintext), then
// this release's start (the migrations up, then the first start) on that database.
describe.each(DATABASES)('a database of the release before, upgraded, on %s', (database) => {
  it('has its plaintext sealed by the first start: staff read the same values, the raw database holds none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-upgrade-'));
    const file = join(dir, 'steward.sqlite');
    const made = database === 'postgresql' ? await createPostgresDatabase(postgresUrl!) : null;
    const store = made ? { postgresDatabaseUrl: made.url } : { sqliteFile: file };
    const target: DatabaseTarget = made ? { kind: 'postgresql', url: made.url } : { kind: 'sqlite', url: file };
    const source = canary('source');
    const note = `${canary('note')}\n二行目`;
    const consentNote = canary('consent-note');
    const rejection = canary('rejection');
    try {
      // The rows, with every other column as Steward writes it...
      let app = await createTestApp({ database, ...store });
      let owner = await app.clientAs('OWNER');
      const { providerId } = await plantAs(owner, { source, note, consentNote });
      const { createProviderRequest: request } = await owner.ok(CreateProviderRequestDocument, {
        input: { kind: 'DISCLOSURE', channel: 'POST', requesterName: 'Aiko Fujimoto', contact: '1-2-3 Shiba' },
      });
      await owner.ok(ChangeRequestStatusDocument, {
        input: { requestId: request.id, expectedVersion: request.version, status: 'REJECTED', reason: rejection },
      });
      await app.close();

      // ...then the database the release before had: its schema, and its plaintext in its columns.
      const older = await MikroORM.init(ormOptions(target));
      try {
        await older.getMigrator().down({ to: BEFORE_SEALING });
        const conn = older.em.getConnection();
        await conn.execute('update collection_record set source = ?, note = ? where provider_id = ?', [
          source,
          note,
          providerId,
        ]);
        await conn.execute('update consent_event set note = ? where provider_id = ? and note is not null', [
          consentNote,
          providerId,
        ]);
        await conn.execute('update personal_data_item set source = ? where provider_id = ?', [source, providerId]);
        await conn.execute('update provider_request set rejection_reason = ? where id = ?', [rejection, request.id]);
        await conn.execute('update request_status_change set reason = ? where request_id = ? and reason is not null', [
          rejection,
          request.id,
        ]);
        expect(await conn.execute('select "key" from system_setting where "key" like ?', ['sealing.%'])).toEqual([]);
      } finally {
        await older.close(true);
      }
      if (database === 'sqlite') {
        const before = await rawBytes(database, file, null);
        for (const value of [source, note, consentNote, rejection]) expect(before.includes(value)).toBe(true);
      }

      // The upgrade: this release opens it (the migrations up) and starts.
      app = await createTestApp({ database, ...store });
      try {
        owner = await app.clientAs('OWNER');
        await expectReadBackAs(owner, { providerId, source, note, consentNote });
        const { providerRequest } = await owner.ok(ProviderRequestDocument, { id: request.id });
        expect(providerRequest?.rejectionReason).toBe(rejection);
        expect(providerRequest?.history.map((h) => h.reason)).toContain(rejection);
        const raw = await rawBytes(database, file, app);
        for (const value of [source, note, consentNote, rejection]) expect(raw.includes(value)).toBe(false);
      } finally {
        await app.close();
      }
    } finally {
      await made?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
