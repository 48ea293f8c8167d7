// The operator's recovery for an organisation locked out of Steward: `npm run owner:recover -- --email
// OWNER_EMAIL --reset-password | --reset-mfa` (auth/owner-recovery.ts). Uses the server's configuration
// (DATABASE_URL or the SQLite file, and the key), on the server's machine.
import 'reflect-metadata';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { makeCipher, openDatabase, databaseTarget } from '../bootstrap.js';
import { recoverOwner } from '../auth/owner-recovery.js';
import { loadConfig } from '../config.js';

const config = loadConfig();
const { cipher } = makeCipher(config);
const orm = await openDatabase(databaseTarget(config));
try {
  process.exitCode = await recoverOwner(
    orm.em.fork() as SqlEntityManager,
    { config, cipher, now: () => new Date(), log: { info: console.log, warn: console.warn, error: console.error } },
    process.argv.slice(2),
    (line) => console.log(line),
  );
} finally {
  await orm.close(true);
}
