import type { EntityManager } from '@mikro-orm/core';
import { leanRun } from '../common/sql/lean-sql.js';

/** Rows per insert into export_provider (2 parameters each). */
const INSERT_CHUNK = 500;

/** Records which providers an export named (multi-row inserts: an export of 100,000 providers is 200 statements). */
export async function insertExportProviders(
  em: EntityManager,
  exportId: string,
  providerIds: readonly string[],
): Promise<void> {
  for (let i = 0; i < providerIds.length; i += INSERT_CHUNK) {
    const chunk = providerIds.slice(i, i + INSERT_CHUNK);
    const params: Record<string, unknown> = { exportId };
    const values = chunk.map((id, j) => {
      params[`p${j}`] = id;
      return `(:exportId, :p${j})`;
    });
    await leanRun(em, {
      sql: `insert into export_provider (export_id, provider_id) values ${values.join(', ')}`,
      params,
    });
  }
}
