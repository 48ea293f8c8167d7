import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { openDisplayName, presentProvider } from '../providers/provider.presenter.js';
import { ProviderType } from '../providers/provider.type.js';
import { RecordConsentInput } from './consent.inputs.js';

@Resolver()
export class ConsentResolver {
  @Authorized(WRITERS)
  @Mutation(() => ProviderType, { description: 'Records a later grant, refusal or withdrawal for one purpose.' })
  async recordConsent(
    @Arg('input', () => RecordConsentInput, { description: 'The provider, as read, the purpose and the consent.' })
    input: RecordConsentInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderType> {
    const provider = await services(ctx).consent.record(input);
    const names = await services(ctx).provider.sealedDisplayNames([provider.id]);
    return presentProvider(provider, openDisplayName(ctx.deps.cipher, names.get(provider.id)));
  }
}
