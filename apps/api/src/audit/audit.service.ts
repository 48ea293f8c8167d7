import type { EntityManager } from '@mikro-orm/core';
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
  ) {}

  private build(fact: AuditFact): { entry: AuditEntry; links: AuditProviderLink[] } {
    const entry = new AuditEntry();
    entry.at = this.deps.now();
    entry.actorId = this.actor?.userId ?? null;
    entry.actorLabel = this.actor ? `${this.actor.displayName} <${this.actor.email}>` : 'system';
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

  /** Written at once, outside any unit of work: for reads and refused attempts. */
  async insertNow(fact: AuditFact): Promise<void> {
    const { entry, links } = this.build(fact);
    if (!links.length) {
      await this.em.insert(AuditEntry, entry);
      return;
    }
    // The entry and its provider links commit together (and with one sync on SQLite).
    await this.em.transactional(async (em) => {
      await em.insert(AuditEntry, entry);
      await em.insertMany(AuditProviderLink, links);
    });
  }

  countRecent(action: string, subject: string, since: Date): Promise<number> {
    return this.em.count(AuditEntry, { action, subject, at: { $gte: since } });
  }
}
