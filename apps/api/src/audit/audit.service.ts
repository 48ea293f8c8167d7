import type { EntityManager } from '@mikro-orm/core';
import { isSqlite, leanRun, toDbDate } from '../common/lean-sql.js';
import type { Actor, AppDeps } from '../context.js';
import { AuditEntry, AuditProviderLink } from './audit-entry.entity.js';

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

  private build(fact: AuditFact): { entry: AuditEntry; links: AuditProviderLink[] } {
    const entry = new AuditEntry();
    entry.at = this.deps.now();
    entry.actorId = this.actor?.userId ?? null;
    entry.actorLabel = this.actor ? `${this.actor.displayName} <${this.actor.email}>` : this.otherActorLabel;
    entry.action = fact.action;
    entry.entityType = fact.entityType;
    entry.subject = fact.subject ?? null;
    entry.providerIds = [...new Set(fact.providerIds ?? [])];
    entry.detail = fact.detail ?? null;
    const links = entry.providerIds.map((providerId) => Object.assign(new AuditProviderLink(), { entryId: entry.id, providerId }));
    return { entry, links };
  }

  /** Part of the caller's unit of work: written with (and only with) the change it describes. */
  record(fact: AuditFact): void {
    const { entry, links } = this.build(fact);
    this.em.persist(entry);
    for (const link of links) this.em.persist(link);
  }

  /**
   * Written at once with lean SQL — inside the caller's transaction when there is one (hot write
   * paths), otherwise on its own: for reads and refused attempts. The entry and its
   * provider links commit together: one statement on PostgreSQL, one transaction (one sync) on
   * SQLite. Lean SQL, because every list page writes one (DESIGN.md §5).
   */
  async insertNow(fact: AuditFact): Promise<void> {
    const { entry, links } = this.build(fact);
    const entrySql =
      'insert into audit_entry (id, at, actor_id, actor_label, action, entity_type, subject, provider_ids, detail)' +
      ' values (?, ?, ?, ?, ?, ?, ?, ?, ?)';
    const entryParams = [
      entry.id,
      toDbDate(this.em, entry.at),
      entry.actorId,
      entry.actorLabel,
      entry.action,
      entry.entityType,
      entry.subject,
      JSON.stringify(entry.providerIds),
      entry.detail === null ? null : JSON.stringify(entry.detail),
    ];
    if (!links.length) {
      await leanRun(this.em, entrySql, entryParams);
      return;
    }
    const linkValues = links.map(() => '(?, ?)').join(', ');
    const linkParams = links.flatMap((l) => [l.entryId, l.providerId]);
    if (this.em.isInTransaction()) {
      // Inside the caller's transaction: the two statements commit (or roll back) with its change.
      await leanRun(this.em, entrySql, entryParams);
      await leanRun(this.em, `insert into audit_provider (entry_id, provider_id) values ${linkValues}`, linkParams);
      return;
    }
    if (!isSqlite(this.em)) {
      // A data-modifying CTE: both inserts are one statement, hence one atomic commit.
      await leanRun(
        this.em,
        `with e as (${entrySql}) insert into audit_provider (entry_id, provider_id) values ${linkValues}`,
        [...entryParams, ...linkParams],
      );
      return;
    }
    await this.em.getConnection().transactional(
      async (trx) => {
        const conn = this.em.getConnection();
        await conn.execute(entrySql, entryParams, 'run', trx);
        await conn.execute(`insert into audit_provider (entry_id, provider_id) values ${linkValues}`, linkParams, 'run', trx);
      },
      { ctx: this.em.getTransactionContext() },
    );
  }

  countRecent(action: string, subject: string, since: Date): Promise<number> {
    return this.em.count(AuditEntry, { action, subject, at: { $gte: since } });
  }
}
