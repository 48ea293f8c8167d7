// Verifies the ledger from the command line: `npm run ledger:verify [-- --anchor SEQ:HASH | --anchor-file FILE]`
// (exit 1 when it fails). Uses the same configuration as the server (DATABASE_URL or the SQLite file, and the key).
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { databaseTarget, makeCipher } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { runLedgerVerify } from '../ledger/verify-cli.js';
import { ormOptions } from '../mikro-orm.config.js';

const config = loadConfig();
const { cipher } = makeCipher(config);
// Opened without running migrations: verification changes nothing.
const orm = await MikroORM.init(ormOptions(databaseTarget(config)));
try {
  process.exitCode = await runLedgerVerify(
    orm.em.fork(),
    { config, cipher, now: () => new Date(), log: { info: console.log, warn: console.warn, error: console.error } },
    process.argv.slice(2),
    (line) => console.log(line),
  );
} finally {
  await orm.close(true);
}
