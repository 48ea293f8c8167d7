import { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { AuthService } from './auth/auth.service.js';
import { AdminUser } from './auth/admin-user.entity.js';
import type { AppConfig } from './config.js';
import type { AppDeps } from './context.js';
import { FieldCipher } from './crypto/field-cipher.js';
import { deriveKeyRing, resolveMasterKey } from './crypto/keys.js';
import { sealLegacyText } from './crypto/seal-legacy-text.js';
import { SystemSetting } from './common/system-setting.entity.js';
import { checkDriverPool } from './common/sql/driver-pool.js';
import { ormOptions, type DatabaseTarget } from './mikro-orm.config.js';
import { seedDemoProviders } from './seeders/demo-providers.js';
import { ensureCookieCategories } from './cookies/cookie-admin.service.js';
import { seedCookieDemo } from './cookies/cookie-seed.js';
import { isSetUp, seedReferenceData } from './seeders/reference-data.js';

export function databaseTarget(config: AppConfig): DatabaseTarget {
  if (config.databaseUrl) return { kind: 'postgresql', url: config.databaseUrl };
  mkdirSync(config.dataDir, { recursive: true });
  return { kind: 'sqlite', url: join(config.dataDir, 'steward.sqlite') };
}

/** Opens the database and brings its schema up to date (migrations only; never schema sync). */
export async function openDatabase(target: DatabaseTarget): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(target));
  if (target.kind === 'sqlite') {
    const conn = orm.em.getConnection();
    await conn.execute('pragma foreign_keys = on');
    if (target.url !== ':memory:') {
      await conn.execute('pragma journal_mode = wal');
      await conn.execute('pragma synchronous = full');
    }
  }
  // Lean SQL reaches the driver's connections through knex's pool: fail here, not on the first request.
  await checkDriverPool(orm.em, target.kind === 'sqlite');
  await orm.getMigrator().up();
  return orm;
}

const KEY_CHECK = 'encryption.key_check';

/**
 * Refuses to start with a key other than the one the data was sealed with: better no service
 * than values that can no longer be decrypted, or a mix of two keys.
 */
export async function checkEncryptionKey(orm: MikroORM, cipher: FieldCipher, masterKey: string): Promise<void> {
  const em = orm.em.fork();
  const check = createHmac('sha256', Buffer.from(masterKey, 'base64')).update('steward/key-check').digest('hex');
  const stored = await em.findOne(SystemSetting, { key: KEY_CHECK });
  if (!stored) {
    em.create(SystemSetting, { key: KEY_CHECK, value: `${cipher.keyId}:${check}` });
    await em.flush();
  } else if (stored.value !== `${cipher.keyId}:${check}`) {
    throw new Error(
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

/** First start: reference data, the first owner, and (optionally) the demo providers. */
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

export async function firstStart(orm: MikroORM, deps: AppDeps): Promise<void> {
  const em = orm.em.fork() as SqlEntityManager;
  const fresh = !(await isSetUp(em));
  if (fresh) {
    setAsideStaleAnchor(deps);
    await seedReferenceData(em, deps.now());
  }
  const owner = await new AuthService(em.fork(), deps).ensureFirstOwner();
  if (owner) {
    deps.log.info(
      owner.generatedPassword
        ? `Created the first owner ${owner.email} with password: ${owner.generatedPassword}\n  (shown once; set STEWARD_ADMIN_PASSWORD to choose it)`
        : `Created the first owner ${owner.email} (password from STEWARD_ADMIN_PASSWORD)`,
    );
  }
  if (fresh && deps.config.seedDemo) {
    const user = await em.fork().findOneOrFail(AdminUser, { role: 'OWNER' }, { orderBy: { createdAt: 'asc' } });
    const n = await seedDemoProviders(em, deps, {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      sessionTokenHash: '',
      restriction: null,
    });
    deps.log.info(`Seeded the demo policy and ${n} demo providers`);
    await seedCookieDemo(em.fork(), deps);
  }
  await ensureCookieCategories(em.fork(), deps.now());
  const sealed = await sealLegacyText(em.fork(), deps.cipher);
  if (sealed) deps.log.info(`Sealed ${sealed} free-text values stored before they were encrypted`);
}
