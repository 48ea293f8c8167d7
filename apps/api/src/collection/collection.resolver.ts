import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { openDisplayName, presentProvider } from '../providers/provider.presenter.js';
import { ProviderType } from '../providers/provider.type.js';
import { presentCollection } from './collection.presenter.js';
import { RecordCollectionInput } from './collection.inputs.js';
import { CollectionType, ConsentReceiptType } from './collection.type.js';

@ObjectType('CollectionResult')
export class CollectionResult {
  @Field(() => ProviderType) provider!: ProviderType;
  @Field(() => CollectionType) collection!: CollectionType;
  @Field(() => ConsentReceiptType) receipt!: ConsentReceiptType;
}

@Resolver()
export class CollectionResolver {
  @Authorized(WRITERS)
  @Mutation(() => CollectionResult, {
    description: 'Records that a provider gave personal information: purposes specified, consent per purpose, receipt.',
  })
  async recordCollection(
    @Arg('input', () => RecordCollectionInput) input: RecordCollectionInput,
    @Ctx() ctx: Context,
  ): Promise<CollectionResult> {
    const { provider, collection, purposes } = await services(ctx).collection.record(input);
    const presented = presentCollection(ctx.deps.cipher, collection, new Map(purposes.map((p) => [p.key, p])));
    const name = await services(ctx).provider.sealedDisplayNames([provider.id]);
    return {
      provider: presentProvider(provider, openDisplayName(ctx.deps.cipher, name.get(provider.id))),
      collection: presented,
      receipt: presented.receipt,
    };
  }
}
