import { DATA_CATEGORIES } from '@steward/policy-core';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { DataCategoryEntity } from './data-category.entity.js';
import { Purpose } from './purpose.entity.js';
import { DataCategoryInfoType, PurposeType } from './purpose.type.js';
import { presentDataCategory, presentPurpose } from './purpose.presenter.js';

@Resolver()
export class PurposeResolver {
  @Authorized()
  @Query(() => [PurposeType])
  async purposes(
    @Arg('includeRetired', () => Boolean, { defaultValue: false }) includeRetired: boolean,
    @Ctx() ctx: Context,
  ): Promise<PurposeType[]> {
    const rows = await ctx.em.find(Purpose, includeRetired ? {} : { retired: false }, { orderBy: { key: 'asc' } });
    return rows.map(presentPurpose);
  }

  @Authorized()
  @Query(() => [DataCategoryInfoType], { description: 'The data categories, in vocabulary order.' })
  async dataCategories(@Ctx() ctx: Context): Promise<DataCategoryInfoType[]> {
    const rows = await ctx.em.find(DataCategoryEntity, {});
    const order = new Map<string, number>(DATA_CATEGORIES.map((k, i) => [k, i]));
    return rows.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0)).map(presentDataCategory);
  }
}
