import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { openDisplayName, presentProvider } from '../providers/provider.presenter.js';
import { ProviderType } from '../providers/provider.type.js';
import { presentCollection } from './collection.presenter.js';
import { RecordCollectionInput } from './collection.inputs.js';
import { CollectionType, ConsentReceiptType } from './collection.type.js';

@ObjectType('CollectionResult', {
  description: 'What recording a collection stored: the collection, the provider and the receipt to hand over.',
})
export class CollectionResult {
  @Field(() => ProviderType, { description: 'The provider, new or updated, with their items.' })
  provider!: ProviderType;
  @Field(() => CollectionType, { description: 'The collection recorded.' }) collection!: CollectionType;
  @Field(() => ConsentReceiptType, { description: 'The consent receipt for the provider to keep.' })
  receipt!: ConsentReceiptType;
}

@Resolver()
export class CollectionResolver {
  @Authorized(WRITERS)
  @Mutation(() => CollectionResult, {
    description: 'Records that a provider gave personal information: purposes specified, consent per purpose, receipt.',
  })
  async recordCollection(
    @Arg('input', () => RecordCollectionInput, {
      description: 'The provider, how and under which policy version, the purposes and the items.',
    })
    input: RecordCollectionInput,
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
