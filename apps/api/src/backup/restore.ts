import { MikroORM } from '@mikro-orm/core';
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkEncryptionKey, ensureDataDir, keyCheckValue, openDatabase, sqliteFiles } from '../bootstrap.js';
import type { AppConfig } from '../config.js';
import type { AppDeps } from '../context.js';
import { FieldCipher } from '../crypto/field-cipher.js';
import { deriveKeyRing, resolveMasterKey } from '../crypto/keys.js';
import { readAnchorFile, writeAnchorFile } from '../ledger/anchor-file.js';
import { sha256 } from '../ledger/ledger-hash.js';
import { LedgerService, type LedgerAnchor } from '../ledger/ledger.service.js';
import { ormOptions, type DatabaseTarget } from '../mikro-orm.config.js';
import { postgresqlMigrations } from '../migrations/postgresql/index.js';
import { sqliteMigrations } from '../migrations/sqlite/index.js';
import { postgresTableCount } from './backup.queries.js';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  pgConnection,
  runPgTool,
  sha256File,
  type BackupManifest,
} from './backup-files.js';

export interface RestoreResult {
  /** The ledger head after the restore (the RESTORE entry when entries were lost). */
  head: LedgerAnchor;
  /** The entries lost since the backup, recorded in the ledger by the RESTORE entry at `sequence`. */
  gap: { sequence: number; from: number; to: number } | null;
  manifestHash: string;
}

/**
 * `npm run restore -- DIR`: restores a backup made by `npm run backup` into an empty target (SQLite:
 * a data directory without a database; PostgreSQL: an empty database), with the server's
 * configuration. Refuses a key that does not open the data. When the anchor kept outside the
 * database is ahead of the backup's ledger head, the entries after the head are lost: a signed
 * RESTORE entry records the backup and the lost range, numbers continue after the anchor, and the
 * anchor moves to that entry. The restored ledger verifies and the server keeps signing.
 */
export async function restoreBackup(opts: {
  config: AppConfig;
  from: string;
  /** An anchor given on the command line, instead of the anchor file (STEWARD_LEDGER_ANCHOR_FILE). */
  anchor?: LedgerAnchor | null;
  now: () => Date;
  print: (line: string) => void;
}): Promise<RestoreResult> {
  const { config, print } = opts;
  const dir = resolve(opts.from);
  const manifestFile = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: give a directory made by npm run backup`);
  const manifestText = readFileSync(manifestFile, 'utf8');
  const manifestHash = sha256(manifestText);
  const manifest = JSON.parse(manifestText) as BackupManifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`${manifestFile} is not a Steward backup manifest`);
  const kind = config.databaseUrl ? 'postgresql' : 'sqlite';
  if (manifest.database !== kind)
    throw new Error(`This is a backup of a ${manifest.database} database; the configuration points at ${kind}`);
  print(
    `Restoring the backup of ${manifest.createdAt} (ledger head ${manifest.ledger.head?.sequence ?? 0}) from ${dir}`,
  );

  const known = (kind === 'sqlite' ? sqliteMigrations : postgresqlMigrations).map((m) => m.name);
  if (manifest.schemaVersion && !known.includes(manifest.schemaVersion))
    throw new Error(
      `This backup was made by a newer Steward release (schema ${manifest.schemaVersion} is unknown to this release): restore it with that release`,
    );

  const dump = join(dir, manifest.dump.file);
  if (!existsSync(dump) || (await sha256File(dump)) !== manifest.dump.sha256)
    throw new Error(`${dump} is missing or differs from the manifest (sha256): the backup is damaged`);
  print(`  dump ${manifest.dump.file} matches the manifest`);

  let masterKey: string;
  try {
    masterKey = resolveMasterKey({ fromEnv: config.encryptionKey, dataDir: config.dataDir, allowGenerate: false });
  } catch {
    throw new Error(
      `No key: set STEWARD_ENCRYPTION_KEY or put the key file at ${join(config.dataDir, 'steward.key')} before restoring`,
    );
  }
  const cipher = new FieldCipher(deriveKeyRing(masterKey));
  if (manifest.keyCheck && manifest.keyCheck !== keyCheckValue(cipher, masterKey))
    throw new Error(
      `The key does not open this backup: the key given has id ${cipher.keyId}, the data is sealed with key id ${manifest.keyId}`,
    );
  print(`  key ${cipher.keyId} opens the data`);

  const anchorFile = config.ledgerAnchorFile;
  const anchor = opts.anchor ?? (anchorFile ? readAnchorFile(anchorFile) : null);
  print(
    anchor
      ? `  anchor: entry ${anchor.sequence} (${opts.anchor ? 'given' : anchorFile})`
      : '  no anchor: entries written after the backup cannot be counted (keep the anchor file, README "Key custody")',
  );

  const target: DatabaseTarget = config.databaseUrl
    ? { kind: 'postgresql', url: config.databaseUrl }
    : { kind: 'sqlite', url: join(config.dataDir, 'steward.sqlite') };
  await refuseNonEmptyTarget(target);
  await load(target, dump);
  print('  data loaded; bringing the schema up to date');

  const deps: AppDeps = { config, cipher, now: opts.now, log: { info: print, warn: print, error: (m) => print(m) } };
  let orm: MikroORM | null = null;
  try {
    orm = await openDatabase(target);
    await checkEncryptionKey(orm, cipher, masterKey);
    const ledger = new LedgerService(orm.em.fork(), deps);
    const restored = await ledger.verify(null);
    if (!restored.ok)
      throw new Error(
        `The backup's ledger does not verify: entry ${restored.firstFailure?.sequence}: ${restored.firstFailure?.reason}`,
      );
    print(`  ledger verifies: ${restored.checkedEntries} entries, head ${restored.headSequence}`);

    let gap: RestoreResult['gap'] = null;
    if (anchor && anchor.sequence > restored.headSequence) {
      gap = await ledger.recordRestoreGap(anchor, { manifestHash, createdAt: manifest.createdAt });
      print(
        `  entries ${gap!.from} to ${gap!.to} (written after this backup) are lost: recorded in the ledger by entry ${gap!.sequence}`,
      );
    } else if (anchor && !(await ledger.extendsAnchor(anchor))) {
      throw new Error(
        `Entry ${anchor.sequence} of this backup differs from the anchor: the backup is not of the ledger the anchor belongs to`,
      );
    }
    const head = (await ledger.checkpoint()) ?? null;
    const final = await ledger.verify(head);
    if (!final.ok) throw new Error(`The restored ledger does not verify: ${final.firstFailure?.reason}`);
    if (anchorFile && head) {
      writeAnchorFile(anchorFile, head, opts.now());
      print(`  head ${head.sequence} signed; anchor written to ${anchorFile}`);
    }
    print('Restore complete: start Steward (npm start).');
    return { head: head ?? { sequence: 0, hash: restored.headHash }, gap, manifestHash };
  } catch (err) {
    await orm?.close(true);
    orm = null;
    if (target.kind === 'sqlite') {
      for (const f of sqliteFiles(target.url)) rmSync(f, { force: true });
      print('  restore failed: the data directory holds no database again');
    } else {
      print('  restore failed: drop and re-create the target database before trying again');
    }
    throw err;
  } finally {
    await orm?.close(true);
  }
}

async function refuseNonEmptyTarget(target: DatabaseTarget): Promise<void> {
  if (target.kind === 'sqlite') {
    if (sqliteFiles(target.url).some((f) => existsSync(f)))
      throw new Error(
        `${target.url} exists: restore into a data directory without a database (move the old one aside first)`,
      );
    return;
  }
  const orm = await MikroORM.init(ormOptions(target));
  try {
    if ((await postgresTableCount(orm.em.fork())) > 0)
      throw new Error('The target database is not empty: restore into a new, empty database (DATABASE_URL)');
  } finally {
    await orm.close(true);
  }
}

async function load(target: DatabaseTarget, dump: string): Promise<void> {
  if (target.kind === 'sqlite') {
    ensureDataDir(resolve(target.url, '..'));
    const partial = `${target.url}.restoring`;
    copyFileSync(dump, partial);
    chmodSync(partial, 0o600);
    renameSync(partial, target.url);
    return;
  }
  const { dbname, env } = pgConnection(target.url);
  await runPgTool(
    'pg_restore',
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--no-password',
      `--dbname=${dbname}`,
      dump,
    ],
    env,
  );
}
