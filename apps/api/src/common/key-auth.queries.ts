import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from './sql/dialect.js';
import { leanRows, leanRun } from './sql/lean-sql.js';

type CredentialTable = 'partner_credential' | 'system_credential';

/** A key's credential by its key id: `id`, `secret_hash`, `revoked_at`, `last_used_at` and `columns` (every API request with a key). */
export async function keyCredentialRow(
  em: EntityManager,
  table: CredentialTable,
  columns: readonly string[],
  keyId: string,
): Promise<
  | ({ id: string; secret_hash: string; revoked_at: unknown; last_used_at: unknown } & Record<string, unknown>)
  | undefined
> {
  const selected = ['id', 'secret_hash', 'revoked_at', 'last_used_at', ...columns].join(', ');
  const [row] = await leanRows<
    { id: string; secret_hash: string; revoked_at: unknown; last_used_at: unknown } & Record<string, unknown>
  >(em, { sql: `select ${selected} from ${table} where key_id = :keyId`, params: { keyId } });
  return row;
}

/** Sets `last_used_at` to `now` unless it is after `threshold` (the condition makes concurrent requests write it once). */
export async function touchKeyCredential(
  em: EntityManager,
  table: CredentialTable,
  id: string,
  now: Date,
  threshold: Date,
): Promise<void> {
  const d = dialectOf(em);
  await leanRun(em, {
    sql: `update ${table} set last_used_at = :now where id = :id and (last_used_at is null or last_used_at <= :threshold)`,
    params: { now: d.toDbDate(now), id, threshold: d.toDbDate(threshold) },
  });
}
