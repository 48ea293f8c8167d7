import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { SENSITIVITIES, type DataCategory, type Sensitivity } from '@steward/policy-core';

/** The organisation's wording for a category of the fixed vocabulary in policy-core. */
@Entity({ tableName: 'data_category' })
export class DataCategoryEntity {
  @PrimaryKey({ type: 'string', length: 40 })
  key!: DataCategory;

  @Property({ type: 'string', length: 120 })
  labelEn!: string;

  @Property({ type: 'string', length: 120 })
  labelJa!: string;

  @Property({ type: 'text' })
  description!: string;

  @Enum({ items: () => [...SENSITIVITIES], type: 'string' })
  sensitivity!: Sensitivity;
}
