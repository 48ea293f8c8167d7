import { DATABASES, SQLITE_ONLY } from '../test/databases.js';
import { RecordCollectionDocument } from '@steward/schema';
import { MikroORM } from '@mikro-orm/core';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { FieldCipher } from '../crypto/field-cipher.js';
import { deriveKeyRing } from '../crypto/keys.js';
import { readAnchorFile } from '../ledger/anchor-file.js';
import { LedgerService, type LedgerAnchor } from '../ledger/ledger.service.js';
import { ormOptions, type DatabaseTarget } from '../mikro-orm.config.js';
import { buildCollectionInput } from '../test/factories.js';
import { REPO_ROOT, startSteward, stewardEnv, type StewardProcess } from '../test/steward-process.js';
import { createPostgresDatabase, OWNER, postgresUrl, TEST_KEY, TestClient } from '../test/test-app.js';
import { createBackup } from './backup.js';
import { restoreBackup } from './restore.js';

// Backup and restore as an operator runs them: the built server as a child process writing through
// the API while the backup runs, restores into fresh targets, and the restored server carrying on.

const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `steward-${prefix}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A target of the kind under test: a data directory (for the key and anchor) and, on PostgreSQL, an empty database. */
async function newTarget(db: 'sqlite' | 'postgresql'): Promise<{ dataDir: string; databaseUrl: string | null }> {
  const dataDir = join(tempDir('data'), 'data');
  if (db === 'sqlite') return { dataDir, databaseUrl: null };
  const made = await createPostgresDatabase(postgresUrl!);
  cleanups.push(made.drop);
  return { dataDir, databaseUrl: made.url };
}

const envOf = (t: { dataDir: string; databaseUrl: string | null }) =>
  stewardEnv({ dataDir: t.dataDir, databaseUrl: t.databaseUrl, key: TEST_KEY });

async function signedIn(server: StewardProcess): Promise<TestClient> {
  const client = new TestClient(server.url);
  await client.login(OWNER.email, OWNER.password);
  return client;
}

/** Verifies the target's ledger in this process (as ledger:verify does) against `anchor`. */
async function verifyTarget(t: { dataDir: string; databaseUrl: string | null }, anchor: LedgerAnchor | null) {
  const target: DatabaseTarget = t.databaseUrl
    ? { kind: 'postgresql', url: t.databaseUrl }
    : { kind: 'sqlite', url: join(t.dataDir, 'steward.sqlite') };
  const orm = await MikroORM.init(ormOptions(target));
  try {
    const deps = {
      config: loadConfig(envOf(t)),
      cipher: new FieldCipher(deriveKeyRing(TEST_KEY)),
      now: () => new Date(),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    };
    return await new LedgerService(orm.em.fork(), deps).verify(anchor);
  } finally {
    await orm.close(true);
  }
}

const quiet = () => undefined;

// Each test starts real server processes: allow for a loaded machine (about 13 s and 7 s on an idle one).
const PROCESS_TEST = { timeout: 120_000 };

describe.each(DATABASES)('backup and restore (%s)', (db) => {
  it(
    'backs up under write load; restores into empty targets, recording the entries lost since an older backup',
    PROCESS_TEST,
    async () => {
      const source = await newTarget(db);
      const server = await startSteward({ ...envOf(source), STEWARD_LEDGER_CHECKPOINT_SECONDS: '1' });
      cleanups.push(() => server.stop('SIGKILL'));
      const owner = await signedIn(server);
      for (let i = 0; i < 5; i++) await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });

      // Four writers through the API for as long as the backup runs (and a little after it).
      let writing = true;
      let written = 0;
      const writers = Array.from({ length: 4 }, async () => {
        while (writing) {
          await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
          written += 1;
        }
      });
      await new Promise((r) => setTimeout(r, 300));
      const before = written;
      const older = await createBackup({
        config: loadConfig(envOf(source)),
        dir: tempDir('b1'),
        now: () => new Date(),
        print: quiet,
      });
      await new Promise((r) => setTimeout(r, 300));
      writing = false;
      await Promise.all(writers);
      expect(written - before).toBeGreaterThan(0);
      const latest = await createBackup({
        config: loadConfig(envOf(source)),
        dir: tempDir('b2'),
        now: () => new Date(),
        print: quiet,
      });

      // A graceful stop signs the head and writes the anchor: anchor = head.
      expect(await server.stop('SIGTERM')).toBe(0);
      const anchorFile = join(source.dataDir, 'ledger-anchor.json');
      const anchor = readAnchorFile(anchorFile)!;
      const sourceLedger = await verifyTarget(source, anchor);
      expect(sourceLedger).toMatchObject({ ok: true, anchorChecked: true, headSequence: anchor.sequence });
      expect(sourceLedger.headHash).toBe(anchor.hash);
      expect(sourceLedger.lastCheckpoint?.sequence).toBe(anchor.sequence);

      // The older backup is consistent: its head is an entry of the source's chain, before the end.
      const olderHead = older.manifest.ledger.head!;
      expect(olderHead.sequence).toBeGreaterThan(15);
      expect(olderHead.sequence).toBeLessThan(anchor.sequence);
      expect(older.manifest).toMatchObject({ database: db, keyId: new FieldCipher(deriveKeyRing(TEST_KEY)).keyId });
      expect(older.manifest.schemaVersion).toMatch(/^Migration\d+$/);

      // Restore the latest backup beside the anchor: nothing lost, nothing recorded.
      const fresh = await newTarget(db);
      restoreIntoCopyOf(fresh, anchorFile);
      const noLoss = await restoreBackup({
        config: loadConfig(envOf(fresh)),
        from: latest.dir,
        now: () => new Date(),
        print: quiet,
      });
      expect(noLoss.gap).toBeNull();
      expect(noLoss.head).toEqual(anchor);
      expect(await verifyTarget(fresh, anchor)).toMatchObject({ ok: true, anchorChecked: true, gaps: [] });

      // Restore the older backup: the entries written after it are lost, and the ledger says so.
      const rewound = await newTarget(db);
      restoreIntoCopyOf(rewound, anchorFile);
      const lines: string[] = [];
      const restored = await restoreBackup({
        config: loadConfig(envOf(rewound)),
        from: older.dir,
        now: () => new Date(),
        print: (l) => lines.push(l),
      });
      expect(restored.gap).toMatchObject({
        sequence: anchor.sequence + 1,
        from: olderHead.sequence + 1,
        to: anchor.sequence,
      });
      expect(lines.join('\n')).toContain(`entries ${olderHead.sequence + 1} to ${anchor.sequence}`);
      const rewoundAnchor = readAnchorFile(join(rewound.dataDir, 'ledger-anchor.json'))!;
      expect(rewoundAnchor).toEqual(restored.head);
      expect(await verifyTarget(rewound, rewoundAnchor)).toMatchObject({
        ok: true,
        anchorChecked: true,
        gaps: [
          {
            sequence: anchor.sequence + 1,
            from: olderHead.sequence + 1,
            to: anchor.sequence,
            manifestHash: older.manifestHash,
          },
        ],
      });
      // The old anchor is the one the restore recorded: it still holds.
      expect(await verifyTarget(rewound, anchor)).toMatchObject({ ok: true, anchorChecked: true });

      // The restored server starts, signs, and numbers new entries after the anchor.
      const again = await startSteward(envOf(rewound));
      cleanups.push(() => again.stop('SIGKILL'));
      const res = await (await signedIn(again)).ok(RecordCollectionDocument, { input: buildCollectionInput() });
      expect(res).toBeTruthy();
      expect(await again.stop('SIGTERM')).toBe(0);
      const after = readAnchorFile(join(rewound.dataDir, 'ledger-anchor.json'))!;
      expect(after.sequence).toBe(anchor.sequence + 4);
      expect(await verifyTarget(rewound, after)).toMatchObject({
        ok: true,
        anchorChecked: true,
        headSequence: after.sequence,
      });

      // Refusals: a target that is not empty, and a key that does not open the data (the target stays empty).
      await expect(
        restoreBackup({ config: loadConfig(envOf(fresh)), from: latest.dir, now: () => new Date(), print: quiet }),
      ).rejects.toThrow(/not empty|exists/);
      const other = await newTarget(db);
      const wrongKey = { ...envOf(other), STEWARD_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64') };
      await expect(
        restoreBackup({ config: loadConfig(wrongKey), from: latest.dir, now: () => new Date(), print: quiet }),
      ).rejects.toThrow(/key does not open this backup/);
      // A backup made by a newer release (a schema this release does not know) is refused before anything is loaded.
      const newer = tempDir('newer');
      cpSync(latest.dir, newer, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(newer, 'manifest.json'), 'utf8')) as { schemaVersion: string };
      writeFileSync(
        join(newer, 'manifest.json'),
        JSON.stringify({ ...manifest, schemaVersion: 'Migration29991231000000' }),
      );
      await expect(
        restoreBackup({ config: loadConfig(envOf(other)), from: newer, now: () => new Date(), print: quiet }),
      ).rejects.toThrow(/made by a newer Steward release/);
      if (db === 'sqlite') expect(existsSync(join(other.dataDir, 'steward.sqlite'))).toBe(false);
      else expect(await verifyTarget(other, null).catch(() => 'empty')).toBe('empty');

      // Deleting entries is still caught: an unrecorded gap fails verification.
      if (db === 'sqlite') {
        const orm = await MikroORM.init(ormOptions({ kind: 'sqlite', url: join(rewound.dataDir, 'steward.sqlite') }));
        const conn = orm.em.getConnection();
        await conn.execute('drop trigger ledger_entry_no_delete');
        await conn.execute('delete from ledger_entry where sequence = ?', [olderHead.sequence - 1]);
        await orm.close(true);
        expect((await verifyTarget(rewound, null)).firstFailure?.reason).toMatch(/missing/);
      }
    },
  );
});

/** The operator puts the key (here in the environment) and a copy of the anchor file into the new data directory. */
function restoreIntoCopyOf(t: { dataDir: string }, anchorFile: string): void {
  mkdirSync(t.dataDir, { recursive: true });
  copyFileSync(anchorFile, join(t.dataDir, 'ledger-anchor.json'));
}

describe.each(SQLITE_ONLY)('operating the server (%s)', () => {
  it('keeps its files private whatever the umask, and a SIGTERM signs the head', PROCESS_TEST, async () => {
    const t = await newTarget('sqlite');
    const server = await startSteward({ ...envOf(t), STEWARD_ENCRYPTION_KEY: '' }, { umask: '000' });
    cleanups.push(() => server.stop('SIGKILL'));
    const owner = await signedIn(server);
    const writes = Array.from({ length: 8 }, () =>
      owner.ok(RecordCollectionDocument, { input: buildCollectionInput() }),
    );
    await Promise.all(writes);
    const mode = (f: string) => (statSync(join(t.dataDir, f)).mode & 0o777).toString(8);
    expect(mode('.')).toBe('700');
    for (const f of ['steward.sqlite', 'steward.sqlite-wal', 'steward.sqlite-shm', 'steward.key'])
      expect([f, mode(f)]).toEqual([f, '600']);
    // The schedule signs every 60 s: only the stop signs these entries. It comes while more writes are
    // in flight: those it accepted finish (and are signed), the others are refused whole.
    expect(existsSync(join(t.dataDir, 'ledger-anchor.json'))).toBe(false);
    const inFlight = Array.from({ length: 4 }, () =>
      owner.request(RecordCollectionDocument, { input: buildCollectionInput() }).then(
        (res) => !res.errors,
        () => false,
      ),
    );
    await new Promise((r) => setTimeout(r, 30));
    const stopped = server.stop('SIGTERM');
    const finished = (await Promise.all(inFlight)).filter(Boolean).length;
    expect(await stopped).toBe(0);
    expect(mode('ledger-anchor.json')).toBe('600');
    expect(readdirSync(t.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const head = readAnchorFile(join(t.dataDir, 'ledger-anchor.json'))!;
    const entries = 24 + 3 * finished;
    expect(head.sequence).toBe(entries);

    // The README's command, from the repository root, with its flags.
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const env = { ...envOf(t), STEWARD_ENCRYPTION_KEY: '' };
        const child = spawn('npm', ['run', 'ledger:verify', '--', ...args], { cwd: REPO_ROOT, env });
        let stdout = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
    const anchor = head;
    // One after the other, as an operator runs them: two first openers of a WAL database left by a
    // stopped server can race for its recovery (one saw SQLITE_BUSY once under a loaded machine).
    const json = await run(['--json']);
    const anchored = await run(['--anchor', `${entries}:${anchor.hash}`]);
    expect([json.code, json.code === 0 ? '' : json.stdout + json.stderr]).toEqual([0, '']);
    const result = JSON.parse(json.stdout.slice(json.stdout.indexOf('{'))) as { ok: boolean; headHash: string };
    expect(result).toMatchObject({ ok: true, headSequence: entries, headHash: anchor.hash, anchorChecked: true });
    expect([anchored.code, anchored.stdout]).toEqual([
      0,
      expect.stringContaining(`anchor ${entries}:${anchor.hash} holds`),
    ]);
  });

  it('refuses to open a database migrated by a newer release', async () => {
    const file = join(tempDir('newer'), 'steward.sqlite');
    const orm = await openDatabase({ kind: 'sqlite', url: file });
    await orm.em
      .getConnection()
      .execute(
        "insert into mikro_orm_migrations (name, executed_at) values ('Migration29991231000000', current_timestamp)",
      );
    await orm.close(true);
    await expect(openDatabase({ kind: 'sqlite', url: file })).rejects.toThrow(
      /migrated by a newer Steward release \(migration Migration29991231000000 is unknown/,
    );
  });
});
