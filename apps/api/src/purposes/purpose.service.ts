import type { SqlEntityManager } from '@mikro-orm/knex';
import { DATA_CATEGORIES } from '@steward/policy-core';
import { DataCategoryEntity } from './data-category.entity.js';
import { Purpose } from './purpose.entity.js';

/** The purposes of use and the organisation's wording of the data categories, for the admin. */
export class PurposeService {
  constructor(private readonly em: SqlEntityManager) {}

  /** By key; retired purposes only when asked for. */
  purposes(includeRetired: boolean): Promise<Purpose[]> {
    return this.em.find(Purpose, includeRetired ? {} : { retired: false }, { orderBy: { key: 'asc' } });
  }

  /** In policy-core's vocabulary order. */
  async dataCategories(): Promise<DataCategoryEntity[]> {
    const rows = await this.em.find(DataCategoryEntity, {});
    const order = new Map<string, number>(DATA_CATEGORIES.map((k, i) => [k, i]));
    return rows.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  }
}
