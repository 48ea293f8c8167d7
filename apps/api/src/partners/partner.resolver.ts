import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { responsePathOf } from '../ledger/disclosures.js';
import { services } from '../services.js';
import { PartnerDataItemType, PartnerProviderConnection, PartnerProviderType } from './partner.type.js';

/** What a recipient's system may query with its partner key (and nothing else). */
@Resolver()
export class PartnerResolver {
  @Query(() => PartnerProviderConnection, {
    description:
      'Partner key only: the providers your exceptions in effect cover, newest first, with only the permitted categories. Every value your answer carries is recorded as provided to you; a selection without values records nothing.',
  })
  partnerProviders(
    @Arg('first', () => Int, { defaultValue: 25, description: 'How many (1–100).' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the page before; omit for the first page.',
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<PartnerProviderConnection> {
    return services(ctx).partner.list(first, after);
  }

  @Query(() => PartnerProviderType, {
    description:
      'Partner key only: one covered provider; NOT_FOUND when it does not exist or is outside your scope (the two are indistinguishable).',
  })
  partnerProvider(
    @Arg('id', () => ID, { description: "The provider's id, as `partnerProviders` gave it." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<PartnerProviderType> {
    return services(ctx).partner.get(id);
  }
}

@Resolver(() => PartnerDataItemType)
export class PartnerDataItemResolver {
  @FieldResolver(() => String, {
    description:
      'The value itself. Selecting it is receiving it: each value your answer carries is recorded as provided to you (the provider can see it in their disclosure package).',
  })
  value(@Root() item: PartnerDataItemType, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): string {
    return services(ctx).partner.reveal(item, responsePathOf(info));
  }
}
