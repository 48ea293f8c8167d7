import type { MikroORM } from '@mikro-orm/core';
import type { AppDeps } from '../context.js';
import { readAnchorFile, writeAnchorFile } from './anchor-file.js';
import { LedgerChainBrokenError, LedgerService, type LedgerAnchor } from './ledger.service.js';
import { DATABASE_LOCKS, withDatabaseLock } from '../common/locks/database-lock.queries.js';

/**
 * One turn of the server's ledger witness: when entries were appended since the newest checkpoint,
 * sign the head, and keep it in the anchor file outside the database (config.ledgerAnchorFile) —
 * but only once the chain from the anchor already kept there (and from the newest signed checkpoint)
 * to the head verifies, so a rewritten end is never signed and the anchor only ever moves along an intact chain. Returns what happened.
 */
export async function witnessLedgerHead(orm: MikroORM, deps: AppDeps): Promise<'signed' | 'unchanged' | 'refused'> {
  // One instance at a time: the others wait, then find the head signed ('unchanged').
  return withDatabaseLock(orm.em, DATABASE_LOCKS.ledgerWitness, () => witness(orm, deps));
}

async function witness(orm: MikroORM, deps: AppDeps): Promise<'signed' | 'unchanged' | 'refused'> {
  const ledger = new LedgerService(orm.em.fork(), deps);
  const file = deps.config.ledgerAnchorFile;
  const kept = file ? readAnchorFile(file) : null;
  if (kept && !(await ledger.extendsAnchor(kept))) {
    deps.log.error(
      `The ledger does not extend the anchor kept in ${file} (entry ${kept.sequence}): not signing; run npm run ledger:verify`,
    );
    return 'refused';
  }
  let signed: LedgerAnchor | null;
  try {
    signed = await ledger.checkpointIfBehind();
  } catch (err) {
    if (!(err instanceof LedgerChainBrokenError)) throw err;
    deps.log.error(err.message);
    return 'refused';
  }
  // A head signed another way (every 1,000th entry, on demand) moves the anchor too.
  const head = signed ?? (await ledger.signedHead());
  if (file && head && head.sequence > (kept?.sequence ?? 0)) writeAnchorFile(file, head, deps.now());
  return signed ? 'signed' : 'unchanged';
}

/**
 * Runs witnessLedgerHead every `seconds`. Automatic checkpoints every 1,000 entries protect a busy
 * ledger's middle; the anchor file protects its end, which anyone able to rewrite the database
 * could otherwise cut off together with the checkpoints after it. Several instances may run it:
 * they take turns under a database lock, and signing an already signed head is a no-op. Returns
 * the function that stops it.
 */
export function scheduleLedgerCheckpoints(orm: MikroORM, deps: AppDeps, seconds: number): () => void {
  if (seconds <= 0) return () => undefined;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    witnessLedgerHead(orm, deps)
      .catch((err: unknown) => deps.log.error('Could not sign a ledger checkpoint', err))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
