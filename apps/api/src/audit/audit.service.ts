import type { EntityManager } from '@mikro-orm/core';
import { newId } from '../common/ids.js';
import type { Actor, AppDeps } from '../context.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditProviderLink } from './audit-provider-link.entity.js';
import { insertAuditRows } from './audit.queries.js';

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
    await insertAuditRows(this.em, [this.fields(fact)]);
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
