import type { MikroORM } from '@mikro-orm/core';
import type { AppDeps } from '../context.js';
import { LedgerService } from './ledger.service.js';

/**
 * Signs the ledger head every `seconds` when entries were appended since the newest checkpoint.
 * Automatic checkpoints every 1,000 entries protect a busy ledger; this keeps the unsigned end short
 * in quiet hours too. Several instances may run it: signing an already signed head is a no-op.
 * Returns the function that stops it.
 */
export function scheduleLedgerCheckpoints(orm: MikroORM, deps: AppDeps, seconds: number): () => void {
  if (seconds <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    new LedgerService(orm.em.fork(), deps)
      .checkpointIfBehind()
      .catch((err: unknown) => deps.log.error('Could not sign a ledger checkpoint', err))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
