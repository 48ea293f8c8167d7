import { Entity, Enum, Property } from '@mikro-orm/core';
import { DEFAULT_RECURRING_CLOSED_DAYS, DEFAULT_TIME_ZONE, LANGUAGES } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';
import type { Language } from '../i18n/language.js';

/** The organisation whose policy Steward runs, with the secretariat that answers inquiries (clause 8). */
@Entity()
export class Organisation extends BaseEntity<
  | 'version'
  | 'responsePeriodDays'
  | 'responsePeriodUnit'
  | 'timeZone'
  | 'observeJapaneseHolidays'
  | 'recurringClosedDays'
  | 'requestHolidays'
  | 'requireMfa'
  | 'secretariatNameJa'
  | 'postalAddressJa'
  | 'officeHoursEn'
  | 'officeHoursJa'
  | 'defaultLanguage'
> {
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  nameJa!: string;

  /** The secretariat's name in English (its Japanese name: secretariatNameJa). */
  @Property({ type: 'string', length: 200 })
  secretariatName!: string;

  /** The postal address in English (its Japanese form: postalAddressJa). */
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

  /** The organisation's own one-off closed days, 'YYYY-MM-DD' (national holidays are not copied here). */
  @Property({ type: 'json', default: '[]' })
  requestHolidays: string[] = [];

  /** Owners and privacy officers must enrol a second factor (STEWARD_REQUIRE_MFA forces it on). */
  @Property({ type: 'boolean', default: false })
  requireMfa: boolean = false;

  /** The organisation's IANA time zone: its calendar (due dates) and how dates are shown. */
  @Property({ type: 'string', length: 64, default: DEFAULT_TIME_ZONE })
  timeZone: string = DEFAULT_TIME_ZONE;

  /** Japanese national holidays (from @holiday-jp/holiday_jp) are not business days. */
  @Property({ type: 'boolean', default: true })
  observeJapaneseHolidays: boolean = true;

  /** Days closed every year, 'MM-DD' (年末年始, 12-29 … 01-03, by default). */
  @Property({ type: 'json', default: JSON.stringify(DEFAULT_RECURRING_CLOSED_DAYS) })
  recurringClosedDays: string[] = [...DEFAULT_RECURRING_CLOSED_DAYS];

  // Bilingual contact (issue 16): empty = not written in that language (the reader sees the other one).
  @Property({ type: 'string', length: 200, default: '' })
  secretariatNameJa: string = '';

  @Property({ type: 'text', default: '' })
  postalAddressJa: string = '';

  @Property({ type: 'text', default: '' })
  officeHoursEn: string = '';

  @Property({ type: 'text', default: '' })
  officeHoursJa: string = '';

  /** The language of members who chose none, and of the sign-in page (updateOrganisation; owners). */
  @Enum({ items: () => [...LANGUAGES], type: 'string', default: 'ja' })
  defaultLanguage: Language = 'ja';
}
