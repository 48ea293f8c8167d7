import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { AuditActorType, AuditEntryConnection, AuditEntrySort, AuditLogFilter } from './audit.type.js';
import { WRITERS } from '../common/auth-checker.js';

@Resolver()
export class AuditResolver {
  @Authorized(WRITERS)
  @Query(() => AuditEntryConnection, {
    description: 'The audit trail, newest first unless sorted otherwise; filtered by actor, action, provider and time.',
  })
  async auditLog(
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many entries (1–100).' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the page before; omit for the first page.',
    })
    after: string | null,
    @Arg('providerId', () => ID, {
      nullable: true,
      description: 'Only entries about this provider (the same as `filter.providerId`).',
    })
    providerId: string | null,
    @Arg('filter', () => AuditLogFilter, { nullable: true, description: 'Which entries; all when omitted.' })
    filter: AuditLogFilter | null,
    @Arg('sort', () => AuditEntrySort, {
      nullable: true,
      description: 'The order; newest first when omitted. A cursor belongs to the order it was read in.',
    })
    sort: AuditEntrySort | null,
    @Ctx() ctx: Context,
  ): Promise<AuditEntryConnection> {
    const merged = providerId ? { ...filter, providerId } : filter;
    return services(ctx).audit.list({ first, after, filter: merged, sort });
  }

  @Authorized(WRITERS)
  @Query(() => [AuditActorType], { description: 'Every staff account by name and role, for the audit log filter.' })
  auditActors(@Ctx() ctx: Context): Promise<AuditActorType[]> {
    return services(ctx).audit.actors();
  }
}
