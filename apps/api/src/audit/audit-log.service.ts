import type { SqlEntityManager } from '@mikro-orm/knex';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditProviderLink } from './audit-provider-link.entity.js';

/** The audit trail as the admin reads it: newest first, in keyset pages, optionally about one provider. */
export class AuditLogService {
  constructor(private readonly em: SqlEntityManager) {}

  /**
   * Up to `rows` entries before `afterId` (newest first). About one provider, the walk follows the
   * provider index (audit_provider) and then loads those entries.
   */
  async page(args: { rows: number; afterId: string | null; providerId: string | null }): Promise<AuditEntry[]> {
    const { rows, afterId, providerId } = args;
    if (!providerId) {
      return this.em.find(AuditEntry, afterId ? { id: { $lt: afterId } } : {}, {
        orderBy: { id: 'desc' },
        limit: rows,
      });
    }
    const links = await this.em.find(
      AuditProviderLink,
      { providerId, ...(afterId ? { entryId: { $lt: afterId } } : {}) },
      { orderBy: { entryId: 'desc' }, limit: rows },
    );
    const byId = new Map(
      (await this.em.find(AuditEntry, { id: { $in: links.map((l) => l.entryId) } })).map((e) => [e.id, e]),
    );
    return links.flatMap((l) => byId.get(l.entryId) ?? []);
  }
}
