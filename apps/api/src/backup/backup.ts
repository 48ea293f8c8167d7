import { IsolationLevel, MikroORM } from '@mikro-orm/core';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sqliteFiles } from '../bootstrap.js';
import { inTransaction } from '../common/transaction.js';
import type { AppConfig } from '../config.js';
import { sha256 } from '../ledger/ledger-hash.js';
import { ormOptions } from '../mikro-orm.config.js';
import { databaseFacts, exportSnapshot, type DatabaseFacts } from './backup.queries.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  pgConnection,
  runPgTool,
  sha256File,
  stewardVersion,
  type BackupManifest,
} from './backup-files.js';

export const SQLITE_DUMP = 'steward.sqlite';
export const PG_DUMP = 'steward.pgdump';

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  /** SHA-256 of manifest.json as written: a restore of an older backup names the backup by it in the ledger. */
  manifestHash: string;
  seconds: number;
}

/**
 * `npm run backup -- DIR`: a consistent copy of the running (or stopped) database into DIR, with a
 * manifest. SQLite: `VACUUM INTO` (one read transaction, so writers carry on and nothing still in the
 * WAL is left out — a copy of the file would). PostgreSQL: `pg_dump` in custom format, inside a
 * repeatable-read snapshot that the manifest's facts are read from too. The key and the anchor
 * file are not in it: they are backed up separately (README, "Key custody").
 */
export async function createBackup(opts: {
  config: AppConfig;
  dir: string;
  now: () => Date;
  print: (line: string) => void;
}): Promise<BackupResult> {
  const started = Date.now();
  const { config, print } = opts;
  const dir = resolve(opts.dir);
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new Error(`${dir} is not empty: give a new directory for each backup`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const createdAt = opts.now();
  let facts: DatabaseFacts;
  let dump: { file: string; format: BackupManifest['dump']['format'] };
  try {
    if (config.databaseUrl) {
      dump = { file: PG_DUMP, format: 'pg_dump-custom' };
      print(`Backing up the PostgreSQL database with pg_dump into ${dir}`);
      facts = await dumpPostgres(config.databaseUrl, join(dir, PG_DUMP));
    } else {
      dump = { file: SQLITE_DUMP, format: 'sqlite' };
      const source = join(config.dataDir, 'steward.sqlite');
      if (!existsSync(source)) throw new Error(`There is no database at ${source} (STEWARD_DATA_DIR)`);
      print(`Backing up ${source} with VACUUM INTO into ${dir}`);
      facts = await copySqlite(source, join(dir, SQLITE_DUMP));
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const file = join(dir, dump.file);
  chmodSync(file, 0o600);
  const bytes = statSync(file).size;
  print(`  dump written: ${dump.file}, ${formatBytes(bytes)}`);
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    createdAt: createdAt.toISOString(),
    stewardVersion: stewardVersion(),
    database: config.databaseUrl ? 'postgresql' : 'sqlite',
    schemaVersion: facts.schemaVersion,
    ledger: { head: facts.ledgerHead, lastCheckpoint: facts.lastCheckpoint },
    keyId: facts.keyCheck?.split(':')[0] ?? null,
    keyCheck: facts.keyCheck,
    dump: { ...dump, bytes, sha256: await sha256File(file) },
  };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  writeFileSync(join(dir, MANIFEST_FILE), text, { mode: 0o600 });
  chmodSync(join(dir, MANIFEST_FILE), 0o600);
  const head = facts.ledgerHead;
  print(
    `  ledger head ${head?.sequence ?? 0}${head ? ` (${head.hash.slice(0, 12)}…)` : ''}, newest signed checkpoint ${facts.lastCheckpoint?.sequence ?? 'none'}`,
  );
  print(`  schema version ${facts.schemaVersion ?? 'none'}, key id ${manifest.keyId ?? 'none'}`);
  const seconds = (Date.now() - started) / 1000;
  const manifestHash = sha256(text);
  print(`  manifest written: ${MANIFEST_FILE} (sha256 ${manifestHash})`);
  print(`Backup complete in ${seconds.toFixed(1)} s. Back up the key and the anchor file separately.`);
  return { dir, manifest, manifestHash, seconds };
}

async function copySqlite(source: string, target: string): Promise<DatabaseFacts> {
  const partial = `${target}.partial`;
  const orm = await MikroORM.init(ormOptions({ kind: 'sqlite', url: source }));
  try {
    // One read transaction: a consistent copy of what is committed, the WAL included, while writers go on.
    await orm.em.getConnection().execute('vacuum into ?', [partial]);
  } finally {
    await orm.close(true);
  }
  const copy = await MikroORM.init(ormOptions({ kind: 'sqlite', url: partial }));
  let facts: DatabaseFacts;
  try {
    facts = await databaseFacts(copy.em.fork());
  } finally {
    await copy.close(true);
  }
  for (const extra of sqliteFiles(partial).slice(1)) rmSync(extra, { force: true });
  renameSync(partial, target);
  return facts;
}

async function dumpPostgres(url: string, target: string): Promise<DatabaseFacts> {
  const orm = await MikroORM.init(ormOptions({ kind: 'postgresql', url }));
  const { dbname, env } = pgConnection(url);
  try {
    // The manifest's facts and pg_dump read the same snapshot: the head it names is the dump's head.
    return await inTransaction(
      orm.em.fork(),
      async (tx) => {
        const snapshot = await exportSnapshot(tx);
        const facts = await databaseFacts(tx);
        await runPgTool(
          'pg_dump',
          ['--format=custom', `--snapshot=${snapshot}`, `--file=${target}`, '--no-password', `--dbname=${dbname}`],
          env,
        );
        return facts;
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
    );
  } finally {
    await orm.close(true);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
