import 'reflect-metadata';
import { checkEncryptionKey, databaseTarget, firstStart, makeCipher, openDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { createLogger } from './common/logger.js';
import { startupFailureMessage } from './common/operator-error.js';
import type { AppDeps } from './context.js';
import { JOB_KINDS_RUN, JOB_SCHEDULES } from './jobs/job-kinds.js';
import { JobRunner } from './jobs/job-runner.js';
import { enqueueLedgerTreeBuild } from './jobs/ledger-tree-build.job.js';
import { scheduleLedgerCheckpoints, witnessLedgerHead } from './ledger/checkpoint-schedule.js';
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
  const jobs = new JobRunner(orm, deps, { kinds: JOB_KINDS_RUN, schedules: JOB_SCHEDULES });
  // A ledger older than its Merkle tree gets it built in the background, not by a migration.
  await enqueueLedgerTreeBuild(orm, jobs, deps);
  jobs.start();
  const where = target.kind === 'sqlite' ? target.url : 'PostgreSQL';
  log.info(
    `Steward is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${where})`,
  );
  if (!config.smtp) log.info('No SMTP server configured (STEWARD_SMTP_HOST): mail is kept in the outbox as not sent');
  // A graceful stop: no new connections, the requests in flight finish (their ledger entries are
  // committed before they answer), then the head is signed and the anchor written, so a normal stop
  // never leaves an unsigned end. A stop that hangs is cut off after 20 s (exit 1, said in the log).
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping — finishing the requests in flight, then signing the ledger head`);
    stopCheckpoints();
    setTimeout(() => {
      log.error('Steward did not stop within 20 s: exiting without signing the ledger head');
      process.exit(1);
    }, 20_000).unref();
    // Keep-alive connections are closed as soon as they are idle (a request in flight finishes first).
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(idle);
      // The head is signed first (a job in hand writes no ledger entries: a verification only reads),
      // then the job in hand stops at its next progress report and is queued again (lease released).
      void witnessLedgerHead(orm, deps)
        .then((outcome) => log.info(`Ledger head ${outcome === 'refused' ? 'NOT signed (see above)' : 'signed'}`))
        .catch((err: unknown) => log.error('Could not sign the ledger head before exit', err))
        .then(() => jobs.stop())
        .catch((err: unknown) => log.error('The job runner did not stop cleanly', err))
        .finally(() => void orm.close().finally(() => process.exit(0)));
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // Steward's own refusals (configuration, key, schema) in full; anything else by class and code only.
  console.error(startupFailureMessage(err));
  process.exit(1);
});
