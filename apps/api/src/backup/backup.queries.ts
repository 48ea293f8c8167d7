import type { EntityManager } from '@mikro-orm/core';
import { fromDbDate } from '../common/sql/dialect.js';
import { leanRows } from '../common/sql/lean-sql.js';

// What a backup's manifest says about the data it holds, read inside the snapshot the dump is made
// from (PostgreSQL) or from the copy itself (SQLite), and what a restore checks about its target.

export interface DatabaseFacts {
  /** The newest migration applied: the schema version. */
  schemaVersion: string | null;
  ledgerHead: { sequence: number; hash: string } | null;
  lastCheckpoint: { sequence: number; hash: string; signedAt: string } | null;
  /** The key check the data was sealed with (`<key id>:<HMAC>`; reveals nothing of the key). */
  keyCheck: string | null;
}

export async function databaseFacts(em: EntityManager): Promise<DatabaseFacts> {
  const [migration] = await leanRows<{ name: string }>(em, {
    sql: 'select name from mikro_orm_migrations order by id desc limit 1',
  });
  const [head] = await leanRows<{ sequence: number; hash: string }>(em, {
    sql: 'select sequence, hash from ledger_head where id = 1',
  });
  const [checkpoint] = await leanRows<{ sequence: number; hash: string; signed_at: unknown }>(em, {
    sql: 'select sequence, hash, signed_at from ledger_checkpoint order by sequence desc limit 1',
  });
  const [key] = await leanRows<{ value: string }>(em, {
    sql: 'select value from system_setting where key = :key',
    params: { key: 'encryption.key_check' },
  });
  return {
    schemaVersion: migration?.name ?? null,
    ledgerHead: head ? { sequence: Number(head.sequence), hash: head.hash } : null,
    lastCheckpoint: checkpoint
      ? {
          sequence: Number(checkpoint.sequence),
          hash: checkpoint.hash,
          signedAt: fromDbDate(checkpoint.signed_at).toISOString(),
        }
      : null,
    keyCheck: key?.value ?? null,
  };
}

/** PostgreSQL: the tables outside the system schemas (a restore's target must have none). */
export async function postgresTableCount(em: EntityManager): Promise<number> {
  const [row] = await leanRows<{ n: number }>(em, {
    sql: "select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
  });
  return Number(row?.n ?? 0);
}

/** PostgreSQL: exports the transaction's snapshot, so pg_dump sees exactly what this transaction sees. */
export async function exportSnapshot(em: EntityManager): Promise<string> {
  const [row] = await leanRows<{ snapshot: string }>(em, { sql: 'select pg_export_snapshot() as snapshot' });
  return row!.snapshot;
}
