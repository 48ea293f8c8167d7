import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITERS, requireActor } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { ProviderService } from '../providers/provider.service.js';
import { openDisplayName, presentProvider } from '../providers/provider.presenter.js';
import { ProviderType } from '../providers/provider.type.js';
import { RecordConsentInput } from './consent.inputs.js';
import { ConsentService } from './consent.service.js';

@Resolver()
export class ConsentResolver {
  @Authorized(WRITERS)
  @Mutation(() => ProviderType, { description: 'Records a later grant, refusal or withdrawal for one purpose.' })
  async recordConsent(
    @Arg('input', () => RecordConsentInput) input: RecordConsentInput,
    @Ctx() ctx: Context,
  ): Promise<ProviderType> {
    const em = ctx.em;
    const provider = await new ConsentService(em, requireActor(ctx), ctx.deps).record(input);
    const names = await new ProviderService(em, ctx.actor, ctx.deps).sealedDisplayNames([provider.id]);
    return presentProvider(provider, openDisplayName(ctx.deps.cipher, names.get(provider.id)));
  }
}
