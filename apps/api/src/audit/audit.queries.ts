import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from '../common/sql/dialect.js';
import { leanCountUpTo, leanRows, leanRun, leanTransaction, type Row } from '../common/sql/lean-sql.js';
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

/** The audit log's filters (each optional, all of them together). */
export interface AuditListFilter {
  actorId: string | null;
  action: string | null;
  providerId: string | null;
  from: Date | null;
  to: Date | null;
}

function auditListWhere(em: EntityManager, f: AuditListFilter) {
  const d = dialectOf(em);
  const where: string[] = [];
  const params: Record<string, unknown> = {
    actorId: f.actorId,
    action: f.action,
    providerId: f.providerId,
    from: f.from ? d.toDbDate(f.from) : null,
    to: f.to ? d.toDbDate(f.to) : null,
  };
  if (f.actorId) where.push('e.actor_id = :actorId');
  if (f.action) where.push('e.action = :action');
  // About one provider the walk follows the provider index (audit_provider: provider_id, entry_id).
  if (f.providerId)
    where.push('e.id in (select ap.entry_id from audit_provider ap where ap.provider_id = :providerId)');
  if (f.from) where.push('e.at >= :from');
  if (f.to) where.push('e.at < :to');
  return { where, params };
}

/**
 * A keyset page of the audit log (ids are UUIDv7, so id order is time order) with the actor's current name
 * and role joined in: who, not an id. Lean, as every list over a table that grows with every read.
 */
export function auditPageRows<T = Row>(
  em: EntityManager,
  f: AuditListFilter & { direction: 'ASC' | 'DESC'; afterId: string | null; rows: number },
): Promise<T[]> {
  const { where, params } = auditListWhere(em, f);
  const op = f.direction === 'ASC' ? '>' : '<';
  if (f.afterId) where.push(`e.id ${op} :afterId`);
  return leanRows<T>(em, {
    sql:
      'select e.id, e.at, e.actor_id, e.actor_label, e.action, e.entity_type, e.subject, e.provider_ids, e.detail,' +
      ' u.display_name as actor_name, u.role as actor_role from audit_entry e left join admin_user u on u.id = e.actor_id' +
      (where.length ? ` where ${where.join(' and ')}` : '') +
      ` order by e.id ${f.direction === 'ASC' ? 'asc' : 'desc'} limit :rows`,
    params: { ...params, afterId: f.afterId, rows: f.rows },
  });
}

/** How many entries the filters match, reading at most `cap + 1` (every audited read adds one). */
export function auditCountUpTo(em: EntityManager, f: AuditListFilter, cap: number): Promise<number> {
  const { where, params } = auditListWhere(em, f);
  return leanCountUpTo(
    em,
    { sql: 'select 1 from audit_entry e' + (where.length ? ` where ${where.join(' and ')}` : ''), params },
    cap,
  );
}

/** The references of these providers and the names of these staff, for the subjects a page names. */
export async function auditSubjectNames(
  em: EntityManager,
  providerIds: readonly string[],
  staffIds: readonly string[],
): Promise<{ providers: Map<string, string>; staff: Map<string, string> }> {
  const providers = providerIds.length
    ? await leanRows<{ id: string; reference: string }>(em, {
        sql: 'select id, reference from provider where id in (:ids)',
        params: { ids: providerIds },
      })
    : [];
  const staff = staffIds.length
    ? await leanRows<{ id: string; display_name: string }>(em, {
        sql: 'select id, display_name from admin_user where id in (:ids)',
        params: { ids: staffIds },
      })
    : [];
  return {
    providers: new Map(providers.map((p) => [p.id, p.reference])),
    staff: new Map(staff.map((s) => [s.id, s.display_name])),
  };
}

/** Every staff account by name and role, for the audit log's actor filter. */
export function auditActorRows(em: EntityManager): Promise<{ id: string; display_name: string; role: string }[]> {
  return leanRows(em, { sql: 'select id, display_name, role from admin_user order by display_name, id' });
}

/** The provider with this reference (references are unique), for the provider filter by reference. */
export async function auditProviderIdByReference(em: EntityManager, reference: string): Promise<string | null> {
  const [row] = await leanRows<{ id: string }>(em, {
    sql: 'select id from provider where reference = :reference',
    params: { reference },
  });
  return row?.id ?? null;
}
