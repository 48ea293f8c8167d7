import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import {
  COOKIE_CATEGORIES,
  COOKIE_STORAGE_KINDS,
  type CookieCategory,
  type CookieStorageKind,
} from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';
import { CookieSite } from './cookie-site.entity.js';

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
