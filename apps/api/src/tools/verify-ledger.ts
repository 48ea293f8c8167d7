// Verifies the ledger from the command line: `npm run ledger:verify` (exit 1 when it fails).
// Uses the same configuration as the server (DATABASE_URL or the SQLite file, and the key).
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { databaseTarget, makeCipher } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { ormOptions } from '../mikro-orm.config.js';

const config = loadConfig();
const { cipher } = makeCipher(config);
// Opened without running migrations: verification changes nothing.
const orm = await MikroORM.init(ormOptions(databaseTarget(config)));
try {
  const result = await new LedgerService(orm.em.fork(), {
    config,
    cipher,
    now: () => new Date(),
    log: { info: console.log, error: console.error },
  }).verify();
  console.log(`checked ${result.checkedEntries} of ${result.headSequence} entries, ${result.checkpoints} signed checkpoints`);
  if (result.firstFailure) {
    console.log(`FAILED at entry ${result.firstFailure.sequence}: ${result.firstFailure.reason}`);
    process.exitCode = 1;
  } else {
    console.log('ledger OK');
  }
} finally {
  await orm.close(true);
}
