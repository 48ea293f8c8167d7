import type { EntityManager } from '@mikro-orm/core';
import { leanTransaction } from './lean-sql.js';

/**
 * Writes a batch of items inside the transaction it is given, with lean SQL only (the ORM's unit
 * of work is not flushed here), and returns one result per item, in order. It must not keep `tx`
 * beyond its promise (leanTransaction reuses it).
 */
export type GroupWriter<I, O> = (tx: EntityManager, items: readonly I[]) => Promise<O[]>;

interface Pending<I, O> {
  item: I;
  source: EntityManager;
  resolve(value: O): void;
  reject(reason: unknown): void;
}

/** Items per transaction: bounds how long one commit keeps the others waiting. */
const MAX_ITEMS_PER_COMMIT = 64;
/** Event-loop turns a group waits at most for more items (each commit costs a disk sync). */
const MAX_GATHER_TURNS = 4;

/**
 * Group commit for the small writes every use and hand-over makes (ledger entries and their audit
 * entries). Committing costs a disk sync, and appends to the hash chain serialise on the ledger head
 * anyway, so items that arrive while a commit is under way wait for it and are then written
 * together: one transaction, one sync, and multi-row statements for the whole group.
 *
 * Nobody is told "recorded" before it is durable: an item's promise settles only after the
 * transaction that holds it committed. If the group's transaction fails (the database refused one
 * item's rows, say), nothing of it is kept and each item is written again in a transaction of its
 * own, so only the item that is refused fails. Per database connection pool (per process); several
 * processes each group their own writes.
 */
class GroupCommitter<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private running = false;

  constructor(private readonly write: GroupWriter<I, O>) {}

  submit(source: EntityManager, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, source, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        // Event-loop turns first: requests already received are still being parsed and resolved
        // (SQLite's driver even blocks the loop while it syncs); this lets them join the group. A
        // lone request waits one turn; while the queue keeps growing, the group waits a few more.
        for (let turn = 0, seen = -1; turn < MAX_GATHER_TURNS && this.queue.length !== seen; turn++) {
          seen = this.queue.length;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        const group = this.queue.splice(0, MAX_ITEMS_PER_COMMIT);
        let results: O[];
        let refusedWrite = false;
        try {
          results = await leanTransaction(group[0]!.source, (tx) =>
            this.write(
              tx,
              group.map((p) => p.item),
            ).catch((error: unknown) => {
              refusedWrite = true;
              throw error;
            }),
          );
        } catch (error) {
          // A refused write rolled the group back: retry its items alone. A failed commit may or
          // may not have been applied, so nothing is written twice: every item of it fails.
          if (refusedWrite && group.length > 1) await this.writeOneByOne(group);
          else for (const p of group) p.reject(error);
          continue;
        }
        group.forEach((p, i) => p.resolve(results[i]!));
      }
    } finally {
      this.running = false;
    }
  }

  /** After a failed group: each item alone, so that one refused item fails alone. */
  private async writeOneByOne(group: readonly Pending<I, O>[]): Promise<void> {
    for (const p of group) {
      try {
        const [result] = await leanTransaction(p.source, (tx) => this.write(tx, [p.item]));
        p.resolve(result!);
      } catch (error) {
        p.reject(error);
      }
    }
  }
}

const committers = new WeakMap<object, Map<GroupWriter<never, unknown>, GroupCommitter<never, unknown>>>();

/**
 * Writes `item` with `write` in a group commit (see GroupCommitter) and resolves with its result
 * once committed. Inside a caller's transaction it is simply written there, as part of it.
 */
export function commitInGroup<I, O>(em: EntityManager, write: GroupWriter<I, O>, item: I): Promise<O> {
  if (em.isInTransaction()) return write(em, [item]).then((results) => results[0]!);
  const connection = em.getConnection();
  let byWriter = committers.get(connection);
  if (!byWriter) committers.set(connection, (byWriter = new Map()));
  let committer = byWriter.get(write as GroupWriter<never, unknown>) as GroupCommitter<I, O> | undefined;
  if (!committer) {
    committer = new GroupCommitter(write);
    byWriter.set(write as GroupWriter<never, unknown>, committer as unknown as GroupCommitter<never, unknown>);
  }
  return committer.submit(em, item);
}
