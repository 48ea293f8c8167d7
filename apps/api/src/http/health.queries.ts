import type { EntityManager } from '@mikro-orm/core';
import { leanRows } from '../common/sql/lean-sql.js';

// What /readyz reads: one round trip each, no personal value, nothing written.

export async function databaseAnswers(em: EntityManager): Promise<boolean> {
  const rows = await leanRows<{ one: number }>(em, { sql: 'select 1 as one' });
  return Number(rows[0]?.one) === 1;
}

/** The names of the migrations applied to this database (MikroORM's own table). */
export async function appliedMigrationNames(em: EntityManager, table: string): Promise<string[]> {
  // The table name is MikroORM's setting, never a caller's value; it is checked before it is used.
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error('Unexpected migrations table name');
  const rows = await leanRows<{ name: string }>(em, { sql: `select name from ${table}` });
  return rows.map((r) => r.name);
}

/** The stored check value of the encryption key the data was sealed with (bootstrap.ts checkEncryptionKey). */
export async function storedKeyCheck(em: EntityManager, key: string): Promise<string | null> {
  const rows = await leanRows<{ value: string }>(em, {
    sql: 'select value from system_setting where "key" = :key',
    params: { key },
  });
  return rows[0]?.value ?? null;
}
