import type { EntityManager } from '@mikro-orm/core';
import { newId } from '../common/ids.js';
import { isSqlite, leanRun, toDbDate } from '../common/lean-sql.js';
import type { Actor, AppDeps } from '../context.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditProviderLink } from './audit-provider-link.entity.js';

export interface AuditFact {
  action: string;
  entityType: string;
  subject?: string | null;
  providerIds?: readonly string[];
  /** Ids, categories and counts only: never a personal value. */
  detail?: Record<string, unknown> | null;
}

/** Writes the audit trail: who changed or read what, when. */
export class AuditService {
  constructor(
    private readonly em: EntityManager,
    private readonly actor: Actor | null,
    private readonly deps: AppDeps,
    /** Who acted when it is not an admin, e.g. `partner:<credentialId>`; default `system`. */
    private readonly otherActorLabel = 'system',
  ) {}

  /** The entry's columns as plain values (no entity: insertNow is on every hot path). */
  private fields(fact: AuditFact): AuditRow {
    return auditRow(fact, this.actor, this.otherActorLabel, this.deps.now());
  }

  /** Part of the caller's unit of work: written with (and only with) the change it describes. */
  record(fact: AuditFact): void {
    const entry = Object.assign(new AuditEntry(), this.fields(fact));
    this.em.persist(entry);
    for (const providerId of entry.providerIds)
      this.em.persist(Object.assign(new AuditProviderLink(), { entryId: entry.id, providerId }));
  }

  /**
   * Written at once with lean SQL — inside the caller's transaction when there is one (hot write
   * paths), otherwise on its own: for reads and refused attempts. The entry and its
   * provider links commit together: one statement on PostgreSQL, one transaction (one sync) on
   * SQLite. Lean SQL, because every list page writes one (DESIGN.md §5).
   */
  async insertNow(fact: AuditFact): Promise<void> {
    const statements = auditStatements(this.em, [this.fields(fact)]);
    if (statements.length === 1 || this.em.isInTransaction()) {
      // One statement is atomic by itself; inside the caller's transaction they commit (or roll back) with its change.
      for (const { sql, params } of statements) await leanRun(this.em, sql, params);
      return;
    }
    await this.em.getConnection().transactional(
      async (trx) => {
        const conn = this.em.getConnection();
        for (const { sql, params } of statements) await conn.execute(sql, params, 'run', trx);
      },
      { ctx: this.em.getTransactionContext() },
    );
  }

  countRecent(action: string, subject: string, since: Date): Promise<number> {
    return this.em.count(AuditEntry, { action, subject, at: { $gte: since } });
  }
}

/** One audit entry's columns, ready to insert. */
export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  subject: string | null;
  providerIds: string[];
  detail: Record<string, unknown> | null;
}

/** The row an admin (or, without one, `otherActorLabel`: `system`, `partner:<id>`) leaves for `fact` at `at`. */
export function auditRow(fact: AuditFact, actor: Actor | null, otherActorLabel: string, at: Date): AuditRow {
  return {
    id: newId(),
    at,
    actorId: actor?.userId ?? null,
    actorLabel: actor ? `${actor.displayName} <${actor.email}>` : otherActorLabel,
    action: fact.action,
    entityType: fact.entityType,
    subject: fact.subject ?? null,
    providerIds: [...new Set(fact.providerIds ?? [])],
    detail: fact.detail ?? null,
  };
}

const ENTRY_COLUMNS =
  'insert into audit_entry (id, at, actor_id, actor_label, action, entity_type, subject, provider_ids, detail) values ';
const LINK_COLUMNS = 'insert into audit_provider (entry_id, provider_id) values ';
/** Rows per statement: 9 (entries) or 2 (links) parameters each, well under both databases' limits. */
const ROWS_PER_STATEMENT = 500;

/**
 * The statements that insert `rows` and their provider links: multi-row inserts, and on PostgreSQL
 * entries and links together as one data-modifying CTE (one round trip, one atomic statement).
 */
export function auditStatements(em: EntityManager, rows: readonly AuditRow[]): { sql: string; params: unknown[] }[] {
  const statements: { sql: string; params: unknown[] }[] = [];
  const sqlite = isSqlite(em);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const entrySql = ENTRY_COLUMNS + chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
    const entryParams = chunk.flatMap((e) => [
      e.id,
      toDbDate(em, e.at),
      e.actorId,
      e.actorLabel,
      e.action,
      e.entityType,
      e.subject,
      JSON.stringify(e.providerIds),
      e.detail === null ? null : JSON.stringify(e.detail),
    ]);
    const links = chunk.flatMap((e) => e.providerIds.map((providerId) => [e.id, providerId]));
    if (!sqlite && links.length && links.length <= ROWS_PER_STATEMENT * 4) {
      statements.push({
        sql: `with e as (${entrySql}) ${LINK_COLUMNS}${links.map(() => '(?, ?)').join(', ')}`,
        params: [...entryParams, ...links.flat()],
      });
      continue;
    }
    statements.push({ sql: entrySql, params: entryParams });
    for (let j = 0; j < links.length; j += ROWS_PER_STATEMENT) {
      const part = links.slice(j, j + ROWS_PER_STATEMENT);
      statements.push({ sql: LINK_COLUMNS + part.map(() => '(?, ?)').join(', '), params: part.flat() });
    }
  }
  return statements;
}

/** Inserts audit rows with lean SQL, inside the caller's transaction when there is one. */
export async function insertAuditRows(em: EntityManager, rows: readonly AuditRow[]): Promise<void> {
  for (const { sql, params } of auditStatements(em, rows)) await leanRun(em, sql, params);
}
