import type { EntityManager } from '@mikro-orm/core';
import { leanRun, leanTransaction } from './lean-sql.js';

/** A write that joins a group commit: lean SQL only (the ORM's unit of work is not flushed per unit). */
export type GroupUnit<T> = (em: EntityManager) => Promise<T>;

interface Pending {
  work: GroupUnit<unknown>;
  source: EntityManager;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/** Units per transaction: bounds how long one commit keeps the others waiting. */
const MAX_UNITS_PER_COMMIT = 64;

/**
 * Group commit for the small writes every use and hand-over makes (ledger entries and their audit
 * entry). Committing costs a disk sync, and appends to the hash chain serialise on the ledger head
 * anyway, so writes that arrive while a commit is under way wait for it and then commit together:
 * one transaction, one sync, each unit inside its own savepoint so a unit that fails rolls back
 * alone. A unit's promise settles only after its transaction committed — nobody is told "recorded"
 * before it is durable — and if the commit itself fails, every unit of that group fails.
 * Per database connection pool (per process); several processes each group their own writes.
 */
class GroupCommitter {
  private readonly queue: Pending[] = [];
  private running = false;

  submit<T>(source: EntityManager, work: GroupUnit<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, source, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        // One event-loop turn first: requests already received are still being parsed and resolved
        // (SQLite's driver even blocks the loop while it syncs); this lets them join the group.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const group = this.queue.splice(0, MAX_UNITS_PER_COMMIT);
        const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
        try {
          await leanTransaction(group[0]!.source, async (em) => {
            for (const unit of group) {
              await leanRun(em, 'savepoint steward_unit');
              try {
                const value = await unit.work(em);
                await leanRun(em, 'release savepoint steward_unit');
                outcomes.push({ ok: true, value });
              } catch (error) {
                await leanRun(em, 'rollback to savepoint steward_unit');
                await leanRun(em, 'release savepoint steward_unit');
                outcomes.push({ ok: false, error });
              }
            }
          });
        } catch (error) {
          for (const unit of group) unit.reject(error);
          continue;
        }
        group.forEach((unit, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) unit.resolve(outcome.value);
          else unit.reject(outcome.error);
        });
      }
    } finally {
      this.running = false;
    }
  }
}

const committers = new WeakMap<object, GroupCommitter>();

/**
 * Runs `work` in a group commit (see GroupCommitter); inside a caller's transaction it simply runs
 * there, as part of that transaction.
 */
export function commitInGroup<T>(em: EntityManager, work: GroupUnit<T>): Promise<T> {
  if (em.isInTransaction()) return work(em);
  const connection = em.getConnection();
  let committer = committers.get(connection);
  if (!committer) committers.set(connection, (committer = new GroupCommitter()));
  return committer.submit(em, work);
}
