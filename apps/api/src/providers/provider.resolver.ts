import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WRITERS, requireActor } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { presentCollection } from '../collection/collection.presenter.js';
import { CollectionType } from '../collection/collection.type.js';
import { presentConsentEvent } from '../consent/consent.presenter.js';
import { ConsentEventType, PurposeConsentType } from '../consent/consent.type.js';
import { presentPurpose } from '../purposes/purpose.presenter.js';
import { SetDataItemPublicInput, UpdateProviderInput } from './provider.inputs.js';
import { openDisplayName, presentProvider } from './provider.presenter.js';
import {
  PersonalDataItemType,
  ProviderConnection,
  ProviderFilter,
  ProviderSort,
  ProviderOptionType,
  ProviderType,
} from './provider.type.js';

@Resolver(() => ProviderType)
export class ProviderResolver {
  @Authorized()
  @Query(() => ProviderConnection, {
    description: 'Providers, newest first or in the order asked, in keyset pages of 1–100.',
  })
  providers(
    @Arg('first', () => Int, { defaultValue: 25, description: 'How many (1–100).' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the page before; omit for the first page.',
    })
    after: string | null,
    @Arg('filter', () => ProviderFilter, { nullable: true, description: 'Narrows the list; null for every provider.' })
    filter: ProviderFilter | null,
    @Arg('sort', () => ProviderSort, {
      nullable: true,
      description: 'The order; newest first when omitted. A cursor belongs to the order it was read in.',
    })
    sort: ProviderSort | null,
    @Ctx() ctx: Context,
  ): Promise<ProviderConnection> {
    return services(ctx).provider.list({ first, after, filter, sort });
  }

  @Authorized()
  @Query(() => [ProviderOptionType], {
    description:
      "A picker's choices: the providers a search finds (as `providers` searches, newest first) or the ones named by `ids`, at most `first`. The names shown are one audited read.",
  })
  providerOptions(
    @Arg('search', () => String, {
      nullable: true,
      description: 'Reference prefix, exact e-mail, or part of the name or its reading; empty: the newest providers.',
    })
    search: string | null,
    @Arg('ids', () => [ID], {
      nullable: true,
      description:
        'The providers to label (a choice already made) instead of a search; ids that name none are left out.',
    })
    ids: string[] | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many at most (1–50).' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<ProviderOptionType[]> {
    return services(ctx).provider.options({ search, ids, first });
  }

  @Authorized()
  @Query(() => ProviderType, { description: 'One provider; NOT_FOUND when there is none.' })
  async provider(
    @Arg('id', () => ID, { description: "The provider's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ProviderType> {
    const provider = await services(ctx).provider.get(id);
    return presentProvider(
      provider,
      openDisplayName(ctx.deps.cipher, await services(ctx).provider.sealedDisplayName(provider)),
    );
  }

  @FieldResolver(() => [PersonalDataItemType], {
    description: 'The personal information held (decrypted; reading it is audited).',
  })
  dataItems(@Root() provider: ProviderType, @Ctx() ctx: Context): Promise<PersonalDataItemType[]> {
    return services(ctx).provider.dataItems(provider.id);
  }

  @FieldResolver(() => [PurposeConsentType], { description: 'Current consent per purpose (NOT_ASKED included).' })
  async consents(@Root() provider: ProviderType, @Ctx() ctx: Context): Promise<PurposeConsentType[]> {
    const rows = await services(ctx).provider.consents(provider.id);
    return rows.map((r) => ({ ...r, purpose: presentPurpose(r.purpose) }));
  }

  @FieldResolver(() => [ConsentEventType], { description: 'Every consent event, newest first.' })
  async consentHistory(@Root() provider: ProviderType, @Ctx() ctx: Context): Promise<ConsentEventType[]> {
    return (await services(ctx).provider.consentHistory(provider.id)).map((e) =>
      presentConsentEvent(ctx.deps.cipher, e),
    );
  }

  @FieldResolver(() => [CollectionType], { description: 'Every collection, newest first.' })
  async collections(@Root() provider: ProviderType, @Ctx() ctx: Context): Promise<CollectionType[]> {
    const { records, purposes } = await services(ctx).provider.collections(provider.id);
    const byKey = new Map(purposes.map((p) => [p.key, p]));
    return records.map((r) => presentCollection(ctx.deps.cipher, r, byKey));
  }

  @Authorized(WRITERS)
  @Mutation(() => ProviderType, {
    description: "Changes a provider's kind or reference (their personal information changes by amendment).",
  })
  async updateProvider(
    @Arg('input', () => UpdateProviderInput, { description: 'The provider, as read, and what to change.' })
    input: UpdateProviderInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderType> {
    requireActor(ctx);
    const provider = await services(ctx).provider.update(input);
    return presentProvider(
      provider,
      openDisplayName(ctx.deps.cipher, await services(ctx).provider.sealedDisplayName(provider)),
    );
  }

  @Authorized(WRITERS)
  @Mutation(() => PersonalDataItemType, {
    description: 'Marks an item as made public by the provider (clause 3), or not.',
  })
  setDataItemPublic(
    @Arg('input', () => SetDataItemPublicInput, { description: 'The item, as read, and whether it is public.' })
    input: SetDataItemPublicInput,
    @Ctx() ctx: Context,
  ): Promise<PersonalDataItemType> {
    return services(ctx).provider.setDataItemPublic(input);
  }
}
