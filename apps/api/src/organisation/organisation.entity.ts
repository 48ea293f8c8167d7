import { Entity, Enum, Property } from '@mikro-orm/core';
import { POLICY_LANGUAGES } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';
import type { Language } from '../i18n/language.js';

/** The organisation whose policy Steward runs, with the secretariat that answers inquiries (clause 8). */
@Entity()
export class Organisation extends BaseEntity<
  | 'version'
  | 'responsePeriodDays'
  | 'responsePeriodUnit'
  | 'timeZoneOffsetMinutes'
  | 'requestHolidays'
  | 'requireMfa'
  | 'defaultLanguage'
> {
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameJa!: string;

  @Property({ type: 'string', length: 200 })
  secretariatName!: string;

  @Property({ type: 'text' })
  postalAddress!: string;

  @Property({ type: 'string', length: 40 })
  telephone!: string;

  @Property({ type: 'string', length: 40 })
  fax!: string;

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'integer', version: true })
  version: number = 1;
  // Provider requests (clause 4): the response period, set by updateRequestSettings (requests/).
  @Property({ type: 'integer', default: 10 })
  responsePeriodDays: number = 10;

  @Property({ type: 'string', length: 16, default: 'BUSINESS_DAYS' })
  responsePeriodUnit: 'CALENDAR_DAYS' | 'BUSINESS_DAYS' = 'BUSINESS_DAYS';

  /** Fixed offset from UTC in minutes (JST = 540). */
  @Property({ type: 'integer', default: 540 })
  timeZoneOffsetMinutes: number = 540;

  /** Non-working days, 'YYYY-MM-DD'. */
  @Property({ type: 'json', default: '[]' })
  requestHolidays: string[] = [];

  /** Owners and privacy officers must enrol a second factor (STEWARD_REQUIRE_MFA forces it on). */
  @Property({ type: 'boolean', default: false })
  requireMfa: boolean = false;

  /** The language of members who chose none, and of the sign-in page (updateOrganisation; owners). */
  @Enum({ items: () => [...POLICY_LANGUAGES], type: 'string', default: 'ja' })
  defaultLanguage: Language = 'ja';
}
