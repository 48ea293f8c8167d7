import 'reflect-metadata';
import { checkEncryptionKey, databaseTarget, firstStart, makeCipher, openDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { createLogger } from './common/logger.js';
import type { AppDeps } from './context.js';
import { scheduleLedgerCheckpoints } from './ledger/checkpoint-schedule.js';
import { createServer } from './server.js';

async function main() {
  const config = loadConfig();
  // JSON lines on stdout (common/logger.ts); errors by class name and code only, never their message.
  const log = createLogger(config.logLevel);
  const target = databaseTarget(config);
  const orm = await openDatabase(target);
  const { cipher, masterKey } = makeCipher(config);
  await checkEncryptionKey(orm, cipher, masterKey);
  const deps: AppDeps = { config, cipher, now: () => new Date(), log };
  await firstStart(orm, deps);
  const server = await (await createServer(orm, deps)).listen(config.port, config.host);
  const stopCheckpoints = scheduleLedgerCheckpoints(orm, deps, config.ledgerCheckpointSeconds);
  const where = target.kind === 'sqlite' ? target.url : 'PostgreSQL';
  log.info(
    `Steward is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${where})`,
  );
  const stop = () => {
    stopCheckpoints();
    server.close(() => void orm.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
