import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../common/errors.js';
import { decodeCursor, pageSize, toPage } from '../common/pagination.js';
import type { Context } from '../context.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditProviderLink } from './audit-provider-link.entity.js';
import { AuditEntryConnection } from './audit.type.js';
import { presentAuditEntry } from './audit.presenter.js';
import { WRITERS } from '../common/auth-checker.js';

@Resolver()
export class AuditResolver {
  @Authorized(WRITERS)
  @Query(() => AuditEntryConnection, {
    description: 'The audit trail, newest first; optionally only entries about one provider.',
  })
  async auditLog(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('providerId', () => ID, { nullable: true }) providerId: string | null,
    @Ctx() ctx: Context,
  ): Promise<AuditEntryConnection> {
    const limit = pageSize(first);
    const afterId = after ? decodeCursor(after) : null;
    let entries: AuditEntry[];
    if (providerId) {
      if (!/^[0-9a-f-]{36}$/i.test(providerId)) throw badInput('providerId', 'INVALID_FORMAT', 'Not a provider id', '');
      const links = await ctx.em.find(
        AuditProviderLink,
        { providerId, ...(afterId ? { entryId: { $lt: afterId } } : {}) },
        { orderBy: { entryId: 'desc' }, limit: limit + 1 },
      );
      const byId = new Map(
        (await ctx.em.find(AuditEntry, { id: { $in: links.map((l) => l.entryId) } })).map((e) => [e.id, e]),
      );
      entries = links.flatMap((l) => byId.get(l.entryId) ?? []);
    } else {
      entries = await ctx.em.find(AuditEntry, afterId ? { id: { $lt: afterId } } : {}, {
        orderBy: { id: 'desc' },
        limit: limit + 1,
      });
    }
    return toPage(entries, limit, afterId, presentAuditEntry);
  }
}
