import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { ProviderRefType } from './names.type.js';

@Resolver(() => ProviderRefType)
export class ProviderRefResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The provider's name (their newest NAME item), for owners and privacy officers (policy-core's readProviderNames); null for a viewer or a provider without one. The names a page asks for are one audited read (provider.read, listing the providers).",
  })
  displayName(@Root() ref: ProviderRefType, @Ctx() ctx: Context): Promise<string | null> {
    return services(ctx).names.providerName(ref.id);
  }
}
