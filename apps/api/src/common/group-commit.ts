import type { EntityManager } from '@mikro-orm/core';
// Allowed to import lean SQL (eslint.config.js): a group's transaction is a lean transaction.
import { leanTransaction } from './sql/lean-sql.js';
import { groupCommitBatchSize } from './metrics.js';

/**
 * Writes a batch of items inside the transaction it is given, with lean SQL only (the ORM's unit
 * of work is not flushed here), and returns one result per item, in order. It must not keep `tx`
 * beyond its promise (leanTransaction reuses it).
 */
export type GroupWriter<I, O> = (tx: EntityManager, items: readonly I[]) => Promise<O[]>;

/** How a group-commit engine groups and what it does when the database refuses a group. */
export interface GroupCommitOptions<I, O> {
  /** Writes one group (see GroupWriter). */
  write: GroupWriter<I, O>;
  /**
   * When the group's writes are refused (the writer throws; the transaction is rolled back): true
   * writes each item again in a transaction of its own, so only the refused item fails; false fails
   * every item of the group with the error. Either way, a failed COMMIT fails every item of the
   * group (it may have been applied, so nothing is written twice).
   */
  retryOneByOne: boolean;
  /** Items per transaction at most: bounds how long one commit keeps the others waiting (and the statements' parameters). */
  maxItems: number;
  /**
   * Event-loop turns a group waits at most for more items before it is written: at least one (a
   * lone item waits one turn), more only while the queue keeps growing.
   */
  gatherTurns: number;
  /** Groups written at once (SQLite has one writer; PostgreSQL can commit a few in parallel). */
  maxInFlight: number;
  /** The writer's name in the batch-size metric (`steward_group_commit_batch_size{writer}`). */
  name: string;
}

interface Pending<I, O> {
  item: I;
  source: EntityManager;
  resolve(value: O): void;
  reject(reason: unknown): void;
}

/**
 * Group commit for small writes that many requests make at once (ledger entries and their audit
 * entries; public cookie consent events). Committing costs a disk sync (and appends to the hash
 * chain serialise on the ledger head anyway), so items that arrive while a commit is under way wait
 * for it and are then written together: one transaction, one sync, and multi-row statements for
 * the whole group.
 *
 * Nobody is told "recorded" before it is durable: an item's promise settles only after the
 * transaction that holds it committed. What a refused group does is the user's choice
 * (`retryOneByOne`). Per database connection pool (per process); several processes each group their
 * own writes. Nothing is kept between groups: the database stays the only state.
 */
export class GroupCommitter<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private inFlight = 0;

  constructor(private readonly options: GroupCommitOptions<I, O>) {}

  /** Resolves with the item's result once the transaction that wrote it committed; the transaction runs on `source`'s pool. */
  submit(source: EntityManager, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, source, resolve, reject });
      if (this.inFlight < this.options.maxInFlight) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight++;
    try {
      while (this.queue.length) {
        // Event-loop turns first: requests already received are still being parsed and resolved
        // (SQLite's driver even blocks the loop while it syncs); this lets them join the group. A
        // lone request waits one turn; while the queue keeps growing, the group waits a few more.
        for (let turn = 0, seen = -1; turn < this.options.gatherTurns && this.queue.length !== seen; turn++) {
          seen = this.queue.length;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        const group = this.queue.splice(0, this.options.maxItems);
        if (!group.length) continue;
        let results: O[];
        let refusedWrite = false;
        try {
          results = await leanTransaction(group[0]!.source, (tx) =>
            this.options
              .write(
                tx,
                group.map((p) => p.item),
              )
              .catch((error: unknown) => {
                refusedWrite = true;
                throw error;
              }),
          );
        } catch (error) {
          // A refused write rolled the group back: retry its items alone when asked to. A failed
          // commit may or may not have been applied, so nothing is written twice: every item fails.
          if (refusedWrite && this.options.retryOneByOne && group.length > 1) await this.writeOneByOne(group);
          else for (const p of group) p.reject(error);
          continue;
        }
        groupCommitBatchSize.observe({ writer: this.options.name }, group.length);
        group.forEach((p, i) => p.resolve(results[i]!));
      }
    } finally {
      this.inFlight--;
    }
  }

  /** After a refused group: each item alone, so that one refused item fails alone. */
  private async writeOneByOne(group: readonly Pending<I, O>[]): Promise<void> {
    for (const p of group) {
      try {
        const [result] = await leanTransaction(p.source, (tx) => this.options.write(tx, [p.item]));
        groupCommitBatchSize.observe({ writer: this.options.name }, 1);
        p.resolve(result!);
      } catch (error) {
        p.reject(error);
      }
    }
  }
}

/** Ledger records: up to 64 per group, gathered over up to 4 turns, one group at a time, a refused group retried one by one. */
const LEDGER_GROUPS = { retryOneByOne: true, maxItems: 64, gatherTurns: 4, maxInFlight: 1, name: 'ledger' } as const;

const committers = new WeakMap<object, Map<GroupWriter<never, unknown>, GroupCommitter<never, unknown>>>();

/**
 * Writes `item` with `write` in a group commit (one group at a time, a refused group retried one
 * by one: only the refused item fails) and resolves with its result once committed. Inside a
 * caller's transaction it is simply written there, as part of it.
 */
export function commitInGroup<I, O>(em: EntityManager, write: GroupWriter<I, O>, item: I): Promise<O> {
  if (em.isInTransaction()) return write(em, [item]).then((results) => results[0]!);
  const connection = em.getConnection();
  let byWriter = committers.get(connection);
  if (!byWriter) committers.set(connection, (byWriter = new Map()));
  let committer = byWriter.get(write as GroupWriter<never, unknown>) as GroupCommitter<I, O> | undefined;
  if (!committer) {
    committer = new GroupCommitter({ write, ...LEDGER_GROUPS });
    byWriter.set(write as GroupWriter<never, unknown>, committer as unknown as GroupCommitter<never, unknown>);
  }
  return committer.submit(em, item);
}
