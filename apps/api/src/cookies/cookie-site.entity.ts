import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
  DateTimeType,
  JsonType,
  type Rel,
} from '@mikro-orm/core';
import {
  COOKIE_CATEGORIES,
  COOKIE_STORAGE_KINDS,
  type CookieCategory,
  type CookieStorageKind,
} from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

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

/** A website that shows the banner: its public key, the origins allowed to call the consent API, its texts. */
@Entity({ tableName: 'cookie_site' })
export class CookieSite extends BaseEntity {
  @Property({ type: 'string', length: 120 })
  name!: string;

  /** Public (it is in the page's HTML): names the site, grants nothing beyond its allowed origins. */
  @Unique()
  @Property({ type: 'string', length: 40 })
  siteKey!: string;

  @Property({ type: JsonType })
  domains!: string[];

  /** Canonical origins (policy-core normalizeOrigin) that may call the public consent API. */
  @Property({ type: JsonType })
  allowedOrigins!: string[];

  @Property({ type: 'integer' })
  consentLifetimeDays!: number;

  @Property({ type: 'boolean' })
  honoursGpc!: boolean;

  @Property({ type: 'string', length: 120 }) bannerTitleEn!: string;
  @Property({ type: 'string', length: 120 }) bannerTitleJa!: string;
  @Property({ type: 'text' }) bannerTextEn!: string;
  @Property({ type: 'text' }) bannerTextJa!: string;
}

/** A cookie or other browser storage a site sets, shown in its banner. */
@Entity({ tableName: 'cookie_declaration' })
@Index({ properties: ['site', 'category'] })
export class CookieDeclaration extends BaseEntity {
  @ManyToOne(() => CookieSite, { deleteRule: 'cascade' })
  site!: Rel<CookieSite>;

  @Property({ type: 'string', length: 120 })
  name!: string;

  @Property({ type: 'string', length: 253 })
  domain!: string;

  @Enum({ items: () => [...COOKIE_CATEGORIES], type: 'string' })
  category!: CookieCategory;

  @Property({ type: 'string', length: 120 })
  vendor!: string;

  @Property({ type: 'text' }) purposeEn!: string;
  @Property({ type: 'text' }) purposeJa!: string;

  /** Null: until the browser session ends. */
  @Property({ type: 'integer', nullable: true })
  durationDays: number | null = null;

  @Enum({ items: () => [...COOKIE_STORAGE_KINDS], type: 'string' })
  storageKind!: CookieStorageKind;
}
