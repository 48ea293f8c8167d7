import 'reflect-metadata';
import { checkEncryptionKey, databaseTarget, firstStart, makeCipher, openDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { loggableError } from './common/errors.js';
import type { AppDeps } from './context.js';
import { JOB_KINDS_RUN, JOB_SCHEDULES } from './jobs/job-kinds.js';
import { JobRunner } from './jobs/job-runner.js';
import { scheduleLedgerCheckpoints } from './ledger/checkpoint-schedule.js';
import { createServer } from './server.js';

const log: AppDeps['log'] = {
  info: (message) => console.log(message),
  // Never the statement or its values: a database error is logged by class and code (loggableError).
  error: (message, err) => console.error(message, loggableError(err)),
};

async function main() {
  const config = loadConfig();
  const target = databaseTarget(config);
  const orm = await openDatabase(target);
  const { cipher, masterKey } = makeCipher(config);
  await checkEncryptionKey(orm, cipher, masterKey);
  const deps: AppDeps = { config, cipher, now: () => new Date(), log };
  await firstStart(orm, deps);
  const server = await (await createServer(orm, deps)).listen(config.port, config.host);
  const stopCheckpoints = scheduleLedgerCheckpoints(orm, deps, config.ledgerCheckpointSeconds);
  const jobs = new JobRunner(orm, deps, { kinds: JOB_KINDS_RUN, schedules: JOB_SCHEDULES });
  jobs.start();
  const where = target.kind === 'sqlite' ? target.url : 'PostgreSQL';
  log.info(
    `Steward is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${where})`,
  );
  const stop = () => {
    stopCheckpoints();
    server.close(() => void jobs.stop().then(() => orm.close().then(() => process.exit(0))));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
