import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { ProviderRefType } from '../names/names.type.js';
import { services } from '../services.js';
import { ExceptionScopeType } from './exception.type.js';

@Resolver(() => ExceptionScopeType)
export class ExceptionScopeResolver {
  @FieldResolver(() => [ProviderRefType], {
    description:
      'The providers of `providerIds`, in that order, by reference (and name, for those who may read it). Empty when allProviders.',
  })
  providers(@Root() scope: ExceptionScopeType, @Ctx() ctx: Context): Promise<ProviderRefType[]> {
    const names = services(ctx).names;
    return Promise.all(scope.providerIds.map((id) => names.provider(id)));
  }
}
