import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from '../common/sql/dialect.js';
import { leanRun, leanTransaction } from '../common/sql/lean-sql.js';
import type { Query } from '../common/sql/statement.js';
import type { AuditRow } from './audit.service.js';

const ENTRY_COLUMNS =
  'insert into audit_entry (id, at, actor_id, actor_label, action, entity_type, subject, provider_ids, detail) values ';
const LINK_COLUMNS = 'insert into audit_provider (entry_id, provider_id) values ';
/** Rows per statement: 9 (entries) or 2 (links) parameters each, well under both databases' limits. */
const ROWS_PER_STATEMENT = 500;

/** `(:e0_id, …), (:e1_id, …)` for n entries, their values under those names. */
function entryValues(em: EntityManager, chunk: readonly AuditRow[], params: Record<string, unknown>): string {
  const d = dialectOf(em);
  return chunk
    .map((e, i) => {
      params[`e${i}Id`] = e.id;
      params[`e${i}At`] = d.toDbDate(e.at);
      params[`e${i}ActorId`] = e.actorId;
      params[`e${i}ActorLabel`] = e.actorLabel;
      params[`e${i}Action`] = e.action;
      params[`e${i}EntityType`] = e.entityType;
      params[`e${i}Subject`] = e.subject;
      params[`e${i}ProviderIds`] = JSON.stringify(e.providerIds);
      params[`e${i}Detail`] = e.detail === null ? null : JSON.stringify(e.detail);
      return `(:e${i}Id, :e${i}At, :e${i}ActorId, :e${i}ActorLabel, :e${i}Action, :e${i}EntityType, :e${i}Subject, :e${i}ProviderIds, :e${i}Detail)`;
    })
    .join(', ');
}

function linkValues(links: readonly (readonly [string, string])[], params: Record<string, unknown>): string {
  return links
    .map(([entryId, providerId], i) => {
      params[`l${i}Entry`] = entryId;
      params[`l${i}Provider`] = providerId;
      return `(:l${i}Entry, :l${i}Provider)`;
    })
    .join(', ');
}

/**
 * The statements that insert `rows` and their provider links: multi-row inserts, and on PostgreSQL
 * entries and links together as one data-modifying CTE (one round trip, one atomic statement).
 */
export function auditStatements(em: EntityManager, rows: readonly AuditRow[]): Query[] {
  const statements: Query[] = [];
  const together = dialectOf(em).insertInWith;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const entryParams: Record<string, unknown> = {};
    const entrySql = ENTRY_COLUMNS + entryValues(em, chunk, entryParams);
    const links = chunk.flatMap((e) => e.providerIds.map((providerId) => [e.id, providerId] as const));
    if (together && links.length && links.length <= ROWS_PER_STATEMENT * 4) {
      const params = { ...entryParams };
      statements.push({ sql: `with e as (${entrySql}) ${LINK_COLUMNS}${linkValues(links, params)}`, params });
      continue;
    }
    statements.push({ sql: entrySql, params: entryParams });
    for (let j = 0; j < links.length; j += ROWS_PER_STATEMENT) {
      const params: Record<string, unknown> = {};
      statements.push({ sql: LINK_COLUMNS + linkValues(links.slice(j, j + ROWS_PER_STATEMENT), params), params });
    }
  }
  return statements;
}

/**
 * Inserts audit rows with lean SQL, inside the caller's transaction when there is one. Otherwise
 * the entries and their provider links commit together: one statement on PostgreSQL, one
 * transaction (one sync) on SQLite.
 */
export async function insertAuditRows(em: EntityManager, rows: readonly AuditRow[]): Promise<void> {
  const statements = auditStatements(em, rows);
  if (statements.length === 1 || em.isInTransaction()) {
    // One statement is atomic by itself; inside the caller's transaction they commit (or roll back) with its change.
    for (const statement of statements) await leanRun(em, statement);
    return;
  }
  await leanTransaction(em, async (tx) => {
    for (const statement of statements) await leanRun(tx, statement);
  });
}
