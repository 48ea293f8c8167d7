import { DateTimeType, Entity, Enum, Index, Property } from '@mikro-orm/core';
import {
  DATA_CATEGORIES,
  DATA_ITEM_CHANGE_ACTIONS,
  type DataCategory,
  type DataItemChangeAction,
} from '@steward/policy-core';
import { RequestOutcome } from './request-outcome.entity.js';

export { DATA_ITEM_CHANGE_ACTIONS, type DataItemChangeAction } from '@steward/policy-core';

/**
 * One amended item, before and after (both sealed, bound to this row): the provider's history
 * shows every change, and a disclosure includes it.
 */
@Entity()
@Index({ properties: ['provider', 'changedAt'] })
// The partner change feed reads amendments by time when a key's scope is every provider.
@Index({ properties: ['changedAt'] })
export class DataItemChange extends RequestOutcome<'beforeSealed' | 'afterSealed' | 'changedById'> {
  /** The item changed (no foreign key: a removed item's history outlives it). */
  @Property({ type: 'uuid' })
  itemId!: string;

  @Enum({ items: () => [...DATA_CATEGORIES], type: 'string' })
  category!: DataCategory;

  @Enum({ items: () => [...DATA_ITEM_CHANGE_ACTIONS], type: 'string' })
  action!: DataItemChangeAction;

  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  beforeSealed: string | null = null;

  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  afterSealed: string | null = null;

  @Property({ type: DateTimeType })
  changedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  changedById: string | null = null;

  @Property({ type: 'string', length: 160 })
  changedByName!: string;
}

export const changeSealContext = (changeId: string, category: DataCategory, side: 'before' | 'after') =>
  `data-item-change:${changeId}:${category}:${side}`;
