import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { ActorRefType, ProviderRefType } from '../names/names.type.js';
import { services } from '../services.js';
import { LedgerEntryType } from './ledger-explorer.type.js';

/** What an entry refers to, by name, for the screens: a page's references are read in one batch per kind. */
@Resolver(() => LedgerEntryType)
export class LedgerEntryResolver {
  @FieldResolver(() => ActorRefType, {
    description: '`actor` by name: a member of staff with their role, a recipient, a system or Steward.',
  })
  actedBy(@Root() entry: LedgerEntryType, @Ctx() ctx: Context): Promise<ActorRefType> {
    return services(ctx).names.actorRef(entry.actor);
  }

  @FieldResolver(() => ProviderRefType, {
    nullable: true,
    description: 'The provider by reference (and name, for those who may read it).',
  })
  provider(@Root() entry: LedgerEntryType, @Ctx() ctx: Context): Promise<ProviderRefType> | null {
    return entry.providerId ? services(ctx).names.provider(entry.providerId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The title of the exception the entry's basis cites." })
  exceptionTitle(@Root() entry: LedgerEntryType, @Ctx() ctx: Context): Promise<string | null> | null {
    return entry.exceptionId ? services(ctx).names.exceptionTitle(entry.exceptionId) : null;
  }
}
