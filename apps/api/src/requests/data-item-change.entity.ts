import {
  DateTimeType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  OptionalProps,
  type Rel,
} from '@mikro-orm/core';
import { DATA_CATEGORIES, type DataCategory } from '@steward/policy-core';
import { newId } from '../common/ids.js';
import { Provider } from '../providers/provider.entity.js';
import { ProviderRequest } from './provider-request.entity.js';

export const DATA_ITEM_CHANGE_ACTIONS = ['ADD', 'UPDATE', 'REMOVE'] as const;
export type DataItemChangeAction = (typeof DATA_ITEM_CHANGE_ACTIONS)[number];

/**
 * One amended item, before and after (both sealed, bound to this row): the provider's history
 * shows every change, and a disclosure includes it.
 */
@Entity()
@Index({ properties: ['provider', 'changedAt'] })
export class DataItemChange {
  [OptionalProps]?: 'id' | 'request' | 'beforeSealed' | 'afterSealed' | 'changedById';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => Provider, { deleteRule: 'cascade' })
  provider!: Rel<Provider>;

  @ManyToOne(() => ProviderRequest, { nullable: true, deleteRule: 'set null' })
  request: Rel<ProviderRequest> | null = null;

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
