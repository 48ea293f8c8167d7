import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '../common/errors.js';
import { decodeCursor, pageSize, toPage } from '../common/pagination.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { isUuid } from '../common/ids.js';
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
    if (providerId && !isUuid(providerId)) throw badInput('providerId', 'INVALID_FORMAT', 'Not a provider id', '');
    const entries = await services(ctx).audit.page({ rows: limit + 1, afterId, providerId });
    return toPage(entries, limit, afterId, presentAuditEntry);
  }
}
