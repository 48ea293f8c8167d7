import { isLanguage, type Language, type MessageKey, type MessageParams } from '@steward/policy-core';
import type { Request } from 'express';
import { formatIcu, formatMessage } from '../i18n/messages.js';
import en from './locales/en.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };

/** A key of the public pages' catalogues (locales/en.json; ja.json has exactly the same keys, site-messages.test.ts). */
export type SiteKey = keyof typeof en;

const CATALOGUES: Readonly<Record<Language, Readonly<Record<SiteKey, string>>>> = {
  en,
  ja: ja satisfies Record<SiteKey, string>,
};

/** What the pages are given to phrase anything: their own catalogue, policy-core's, and dates in the organisation's zone. */
export interface SiteText {
  language: Language;
  t(key: SiteKey, params?: MessageParams): string;
  /** A message of policy-core's catalogue (an issue, a request kind) in the page's language. */
  core(key: MessageKey, params?: MessageParams): string;
  /** A day in the organisation's time zone: 2005年11月18日 / 18 Nov 2005. */
  date(at: Date): string;
  /** A moment to the second in the organisation's time zone, the zone named: 2026年12月6日 19:00:00 JST. */
  dateTime(at: Date): string;
  /** A whole number with the language's digit grouping: 1,004,211. */
  count(n: number): string;
}

const INTL_LOCALE: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB' };
const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** To the second, the zone named (a signed head's time). */
const MOMENT: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

/** A day, or with `withTime` a moment, in the organisation's IANA zone (not where the server runs); formats kept per language, zone and kind. */
function formatIn(language: Language, timeZone: string, date: Date, withTime: boolean): string {
  const key = `${language}|${timeZone}|${withTime}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      year: 'numeric',
      month: language === 'ja' ? 'long' : 'short',
      day: 'numeric',
      ...(withTime ? MOMENT : {}),
      timeZone,
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** `date` formatted as a calendar day where the organisation is. */
export function formatDay(language: Language, timeZone: string, date: Date): string {
  return formatIn(language, timeZone, date, false);
}

export function siteText(language: Language, timeZone: string): SiteText {
  return {
    language,
    t: (key, params = {}) => formatIcu(language, `public-site:${key}`, CATALOGUES[language][key], params),
    core: (key, params) => formatMessage(language, key, params),
    date: (at) => formatDay(language, timeZone, at),
    dateTime: (at) => formatIn(language, timeZone, at, true),
    count: (n) => n.toLocaleString(INTL_LOCALE[language]),
  };
}

/** `?lang=` when it names a language, else null. */
export function askedLanguage(req: Request): Language | null {
  const lang = req.query['lang'];
  return typeof lang === 'string' && isLanguage(lang) ? lang : null;
}

/**
 * The page's language: `?lang=ja|en`, else the best of ja and en in `Accept-Language` (express's
 * negotiation: `ja-JP` is ja, `en-US;q=0.8` en), else the organisation's default — also when the
 * header names neither (`fr`) or only `*`.
 */
export function pageLanguage(req: Request, organisationDefault: Language): Language {
  const asked = askedLanguage(req);
  if (asked) return asked;
  const header = req.headers['accept-language'];
  if (!header || !/\b(?:ja|en)\b/i.test(header)) return organisationDefault;
  const best = req.acceptsLanguages('ja', 'en');
  return best === 'ja' || best === 'en' ? best : organisationDefault;
}
