import { Entity, PrimaryKey, Property, DateTimeType } from '@mikro-orm/core';
import { type CookieCategory } from '@steward/policy-core';

/**
 * The organisation's wording of a cookie category (policy-core fixes the four categories and which
 * one is required; only the texts are editable).
 */
@Entity({ tableName: 'cookie_category' })
export class CookieCategoryEntity {
  @PrimaryKey({ type: 'string', length: 32 })
  category!: CookieCategory;

  @Property({ type: 'string', length: 60 }) labelEn!: string;
  @Property({ type: 'string', length: 60 }) labelJa!: string;
  @Property({ type: 'text' }) descriptionEn!: string;
  @Property({ type: 'text' }) descriptionJa!: string;

  @Property({ type: DateTimeType })
  updatedAt!: Date;
}
