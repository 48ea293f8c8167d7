import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { DataCategoryInfoType, PurposeType } from './purpose.type.js';
import { presentDataCategory, presentPurpose } from './purpose.presenter.js';

@Resolver()
export class PurposeResolver {
  @Authorized()
  @Query(() => [PurposeType], { description: 'The purposes of use the policy in force states.' })
  async purposes(
    @Arg('includeRetired', () => Boolean, { defaultValue: false, description: 'True to include retired purposes.' })
    includeRetired: boolean,
    @Ctx() ctx: Context,
  ): Promise<PurposeType[]> {
    return (await services(ctx).purpose.purposes(includeRetired)).map(presentPurpose);
  }

  @Authorized()
  @Query(() => [DataCategoryInfoType], { description: 'The data categories, in vocabulary order.' })
  async dataCategories(@Ctx() ctx: Context): Promise<DataCategoryInfoType[]> {
    return (await services(ctx).purpose.dataCategories()).map(presentDataCategory);
  }
}
