import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { createHmac } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { AuthService } from './auth/auth.service.js';
import { AdminUser } from './auth/admin-user.entity.js';
import type { AppConfig } from './config.js';
import type { AppDeps } from './context.js';
import { FieldCipher } from './crypto/field-cipher.js';
import { deriveKeyRing, resolveMasterKey } from './crypto/keys.js';
import { rebuildNameIndex } from './crypto/rebuild-name-index.js';
import { sealLegacyText } from './crypto/seal-legacy-text.js';
import { SystemSetting } from './common/system-setting.entity.js';
import { checkDriverPool } from './common/sql/driver-pool.js';
import { DATABASE_LOCKS, withDatabaseLock } from './common/locks/database-lock.queries.js';
import { ormOptions, type DatabaseTarget } from './mikro-orm.config.js';
import { LedgerService } from './ledger/ledger.service.js';
import { seedDemoProviders } from './seeders/demo-providers.js';
import { DEMO_HISTORY_DAYS, DEMO_OFFICER, seedDemoWorkload } from './seeders/demo-workload.js';
import { actorOf } from './auth/auth.service.js';
import { ensureCookieCategories } from './cookies/cookie-admin.service.js';
import { seedCookieDemo } from './cookies/cookie-seed.js';
import { ensureDataCategories, isSetUp, seedReferenceData } from './seeders/reference-data.js';
import { OperatorError } from './common/operator-error.js';

/** The data directory (the SQLite database, the generated key, the anchor): only Steward's user may enter it, whatever the umask. */
export function ensureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** The SQLite database file and its WAL and shared-memory files, which hold the same data. */
export function sqliteFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}

export function databaseTarget(config: AppConfig): DatabaseTarget {
  if (config.databaseUrl) return { kind: 'postgresql', url: config.databaseUrl };
  ensureDataDir(config.dataDir);
  return { kind: 'sqlite', url: join(config.dataDir, 'steward.sqlite') };
}

/**
 * A SQLite database file readable by Steward's user only: created 0600 before SQLite opens it (SQLite
 * gives its WAL and shared-memory files the database file's mode), and tightened when it exists.
 */
function protectSqliteFiles(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of sqliteFiles(file)) if (existsSync(f)) chmodSync(f, 0o600);
}

/**
 * Refuses a database migrated by a newer Steward release: this release's code does not know the
 * newer schema, and running it there could corrupt data the newer release wrote.
 */
async function refuseNewerSchema(orm: MikroORM): Promise<void> {
  const known = new Set(knownMigrationNames(orm));
  const executed = await orm.getMigrator().getExecutedMigrations();
  const unknown = executed.map((m) => m.name).filter((name) => !known.has(name));
  if (unknown.length) {
    throw new OperatorError(
      `This database was migrated by a newer Steward release (migration ${unknown.join(', ')} is unknown to this release): ` +
        'run the release that migrated it, or restore a backup made before the upgrade (see "Upgrades" in the README)',
    );
  }
}

/** The migrations this release carries, oldest first (the last one's name is the schema version). */
export function knownMigrationNames(orm: MikroORM): string[] {
  const list = orm.config.get('migrations').migrationsList ?? [];
  return list.map((m) => m.name);
}

/** Opens the database and brings its schema up to date (migrations only; never schema sync). */
export async function openDatabase(target: DatabaseTarget): Promise<MikroORM> {
  const file = target.kind === 'sqlite' && target.url !== ':memory:' ? target.url : null;
  if (file) protectSqliteFiles(file);
  const orm = await MikroORM.init(ormOptions(target));
  if (target.kind === 'sqlite') {
    const conn = orm.em.getConnection();
    await conn.execute('pragma foreign_keys = on');
    if (file) {
      await conn.execute('pragma journal_mode = wal');
      await conn.execute('pragma synchronous = full');
      protectSqliteFiles(file);
    }
  }
  // Lean SQL reaches the driver's connections through knex's pool: fail here, not on the first request.
  await checkDriverPool(orm.em, target.kind === 'sqlite');
  try {
    // Instances started together on one database migrate one after another: the later ones find nothing to do.
    await withDatabaseLock(orm.em, DATABASE_LOCKS.startup, async () => {
      await refuseNewerSchema(orm);
      await orm.getMigrator().up();
    });
  } catch (err) {
    await orm.close(true);
    throw err;
  }
  return orm;
}

export const KEY_CHECK = 'encryption.key_check';

/** `<key id>:<HMAC of a constant>`: what the database keeps to recognise its key (it reveals nothing of the key). */
export function keyCheckValue(cipher: FieldCipher, masterKey: string): string {
  const check = createHmac('sha256', Buffer.from(masterKey, 'base64')).update('steward/key-check').digest('hex');
  return `${cipher.keyId}:${check}`;
}

/**
 * Refuses to start with a key other than the one the data was sealed with: better no service
 * than values that can no longer be decrypted, or a mix of two keys.
 */
export async function checkEncryptionKey(orm: MikroORM, cipher: FieldCipher, masterKey: string): Promise<void> {
  // Under the start-up lock: of instances started together on a new database, one stores the check.
  await withDatabaseLock(orm.em, DATABASE_LOCKS.startup, () => checkKey(orm, cipher, masterKey));
}

async function checkKey(orm: MikroORM, cipher: FieldCipher, masterKey: string): Promise<void> {
  const em = orm.em.fork();
  const check = keyCheckValue(cipher, masterKey);
  const stored = await em.findOne(SystemSetting, { key: KEY_CHECK });
  if (!stored) {
    em.create(SystemSetting, { key: KEY_CHECK, value: check });
    await em.flush();
  } else if (stored.value !== check) {
    throw new OperatorError(
      'The encryption key does not match the one this database was created with (STEWARD_ENCRYPTION_KEY)',
    );
  }
}

export function makeCipher(config: AppConfig): { cipher: FieldCipher; masterKey: string } {
  const masterKey = resolveMasterKey({
    fromEnv: config.encryptionKey,
    dataDir: config.dataDir,
    allowGenerate: !config.databaseUrl || !config.production,
  });
  return { cipher: new FieldCipher(deriveKeyRing(masterKey)), masterKey };
}

/**
 * A new database starts a new ledger: an anchor file left by a database that was deleted would make
 * every verification fail. It is kept beside, renamed, and the log says so (a database replaced
 * behind a running server is still caught: this runs only when Steward sets a database up).
 */
function setAsideStaleAnchor(deps: AppDeps): void {
  const file = deps.config.ledgerAnchorFile;
  if (!file || !existsSync(file)) return;
  const aside = `${file}.before-${deps.now().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  deps.log.info(`A new database starts a new ledger: the previous ledger's anchor was moved to ${aside}`);
}

/** First start: reference data, the first owner, and (optionally) the demo providers. */
export async function firstStart(orm: MikroORM, deps: AppDeps): Promise<void> {
  // Under the start-up lock: of instances started together on a new database, one sets it up and
  // the others find it set up.
  await withDatabaseLock(orm.em, DATABASE_LOCKS.startup, () => setUp(orm, deps));
}

async function setUp(orm: MikroORM, deps: AppDeps): Promise<void> {
  const em = orm.em.fork() as SqlEntityManager;
  const fresh = !(await isSetUp(em));
  if (fresh) {
    setAsideStaleAnchor(deps);
    await seedReferenceData(em, deps.now());
  }
  const owner = await new AuthService(em.fork(), deps).ensureFirstOwner();
  if (owner) {
    // The log never holds an e-mail or a password: a generated password is shown on the terminal only.
    deps.log.info(
      owner.generatedPassword
        ? 'Created the first owner (STEWARD_ADMIN_EMAIL) with a generated password, shown once on stderr'
        : 'Created the first owner (STEWARD_ADMIN_EMAIL, password from STEWARD_ADMIN_PASSWORD)',
    );
    if (owner.generatedPassword)
      process.stderr.write(
        `\nFirst owner ${owner.email}, password: ${owner.generatedPassword}\n` +
          '  (shown once, not logged; set STEWARD_ADMIN_PASSWORD to choose it)\n\n',
      );
  }
  if (fresh && deps.config.seedDemo) await seedDemo(em, deps);
  await ensureCookieCategories(em.fork(), deps.now());
  await ensureDataCategories(em.fork());
  const sealed = await sealLegacyText(em.fork(), deps.cipher);
  if (sealed) deps.log.info(`Sealed ${sealed} free-text values stored before they were encrypted`);
  const reindexed = await rebuildNameIndex(em.fork(), deps.cipher);
  if (reindexed) deps.log.info(`Rebuilt the name search index of ${reindexed} names and readings`);
}

/**
 * The demo, on a new database only (`fresh`) with STEWARD_SEED_DEMO on: the providers, collected a
 * few days before the demo's history starts, then the rest of the product's data (demo-workload.ts)
 * and the cookie site. Everything goes through the services real data goes through.
 */
async function seedDemo(em: SqlEntityManager, deps: AppDeps): Promise<void> {
  const started = performance.now();
  const user = await em.fork().findOneOrFail(AdminUser, { role: 'OWNER' }, { orderBy: { createdAt: 'asc' } });
  const owner = actorOf(user, '');
  const collectedAt = new Date(deps.now().getTime() - (DEMO_HISTORY_DAYS + 3) * 86_400_000);
  const n = await seedDemoProviders(em, { ...deps, now: () => collectedAt }, owner);
  await seedCookieDemo(em.fork(), deps);
  const providersMs = performance.now() - started;
  const demo = await seedDemoWorkload(em, deps, owner);
  // The demo's history signed at once (a v2 head with the provider map): the public "Verify our
  // records" page and a first disclosure package have a head to show before the timer's first turn.
  await new LedgerService(em.fork(), deps).checkpoint();
  deps.log.info(
    `Seeded the demo policy and ${n} demo providers in ${Math.round(providersMs)} ms, then ${demo.decisions} decisions` +
      ` and ${demo.provisions} provisions over ${DEMO_HISTORY_DAYS} days with the staff, exceptions, request and inquiry` +
      ` in ${Math.round(performance.now() - started - providersMs)} ms`,
  );
  // Like the first owner's: on the terminal only, never in the log.
  process.stderr.write(
    `\nDemo privacy officer ${DEMO_OFFICER.email}, password: ${demo.officerPassword}\n` +
      "  (shown once, not logged: sign in as them to approve the owner's drafts)\n\n",
  );
}
