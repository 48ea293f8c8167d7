import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from '../sql/dialect.js';
import { leanRun, leanTransaction } from '../sql/lean-sql.js';

/** The locks Steward takes across instances, by name (one PostgreSQL advisory lock each). */
export const DATABASE_LOCKS = {
  /** Migrations and every step of the first start: instances may start together on an empty database. */
  startup: 'steward.startup',
  /** Signing the ledger head and writing the anchor file (ledger/checkpoint-schedule.ts). */
  ledgerWitness: 'steward.ledger-witness',
} as const;

/**
 * Runs `work` while holding the database lock `name`: on PostgreSQL a transaction-scoped advisory
 * lock (`pg_advisory_xact_lock`) held by a transaction of its own on one pooled connection, waited
 * for when another instance holds it and released when `work` settles — also when this process
 * dies, since the database ends the transaction with its connection. `work` runs on other
 * connections (it must not use the lock's). On SQLite, which one instance serves, `work` just runs.
 */
export async function withDatabaseLock<T>(em: EntityManager, name: string, work: () => Promise<T>): Promise<T> {
  if (dialectOf(em).name !== 'postgresql') return work();
  return leanTransaction(em, async (tx) => {
    await leanRun(tx, { sql: 'select pg_advisory_xact_lock(hashtext(:name))', params: { name } });
    return work();
  });
}
