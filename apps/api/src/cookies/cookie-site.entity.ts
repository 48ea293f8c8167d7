import { Entity, Property, Unique, JsonType } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity.js';

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
