import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../common/errors.js';
import type { Context, PartnerPrincipal } from '../context.js';
import { PartnerService } from './partner.service.js';
import { PartnerProviderConnection, PartnerProviderType } from './partner.type.js';

/** The partner fields' own guard: only a partner key, never an admin session. */
export function requirePartner(ctx: Context): PartnerPrincipal {
  if (ctx.partner) return ctx.partner;
  if (ctx.actor) throw new ForbiddenError('Only a partner key can use this field');
  throw new UnauthenticatedError('A partner key is required');
}

function service(ctx: Context): PartnerService {
  return new PartnerService(ctx.db, requirePartner(ctx), ctx.deps);
}

/** What a recipient's system may query with its partner key (and nothing else). */
@Resolver()
export class PartnerResolver {
  @Query(() => PartnerProviderConnection, {
    description:
      'Partner key only: the providers your exceptions in effect cover, newest first, with only the permitted categories. Each provision is recorded.',
  })
  partnerProviders(
    @Arg('first', () => Int, { defaultValue: 25 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ): Promise<PartnerProviderConnection> {
    return service(ctx).list(first, after);
  }

  @Query(() => PartnerProviderType, {
    description:
      'Partner key only: one covered provider; NOT_FOUND when it does not exist or is outside your scope (the two are indistinguishable).',
  })
  partnerProvider(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PartnerProviderType> {
    return service(ctx).get(id);
  }
}
