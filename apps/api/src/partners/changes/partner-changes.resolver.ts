import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { services } from '../../services.js';
import { PartnerChangeConnection } from './partner-change.type.js';

/** A recipient's system asks what changed in its scope, then re-reads those providers with `partnerProvider`. */
@Resolver()
export class PartnerChangesResolver {
  @Query(() => PartnerChangeConnection, {
    description:
      'Partner key only: the providers in your scope whose readable data or standing changed after `after`, oldest first (a withdrawal, a cessation, an amendment, an exception of yours coming into effect, revoked or expired, a new provider). No personal value is given: read a provider again with `partnerProvider`. Changes are listed once they are a few seconds old. Each page that names providers is recorded.',
  })
  partnerChanges(
    @Arg('first', () => Int, { defaultValue: 25, description: 'How many changes to return (1–100).' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description:
        "A cursor from this feed (an edge's `cursor`, `pageInfo.endCursor` or `latestCursor`); omitted: from the beginning.",
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<PartnerChangeConnection> {
    return services(ctx).partnerChanges.changes(first, after);
  }
}
