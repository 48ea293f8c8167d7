import type { UiLanguage } from '../i18n/i18n.js';

type FormatLocale = { language: UiLanguage; timeZone: string | undefined };

// Set by LocaleProvider on every render, so the many plain `formatDate(…)` calls need no hook.
let current: FormatLocale = { language: 'en', timeZone: undefined };

export function setFormatLocale(locale: FormatLocale): void {
  current = locale;
}

const INTL_LOCALE: Record<UiLanguage, string> = { ja: 'ja-JP', en: 'en-GB' };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(language: UiLanguage, timeZone: string | undefined, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone ?? ''}|${withTime}`;
  let f = formats.get(key);
  if (!f) {
    // 2026年12月6日 / 6 Dec 2026, and a 24-hour clock in both.
    f = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      year: 'numeric',
      month: language === 'ja' ? 'long' : 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2025年4月1日 09:30` / `1 Apr 2025, 09:30` in the organisation's time zone (or `timeZone`); `—` for null or unparsable input. */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  return formatDateTimeIn(current.language, iso, timeZone);
}

/** `2025年4月1日` / `1 Apr 2025`; `—` for null or unparsable input. */
export function formatDate(iso: string | null | undefined, timeZone?: string): string {
  return formatDateIn(current.language, iso, timeZone);
}

/**
 * formatDateTime in `language` rather than the reader's: for a document in the provider's language
 * (features/documents), still in the organisation's time zone.
 */
export function formatDateTimeIn(language: UiLanguage, iso: string | null | undefined, timeZone?: string): string {
  const date = parse(iso);
  return date ? formatter(language, timeZone ?? current.timeZone, true).format(date) : '—';
}

/** formatDate in `language` rather than the reader's (see formatDateTimeIn). */
export function formatDateIn(language: UiLanguage, iso: string | null | undefined, timeZone?: string): string {
  const date = parse(iso);
  return date ? formatter(language, timeZone ?? current.timeZone, false).format(date) : '—';
}

/** A calendar date without a time (`YYYY-MM-DD`, e.g. a due date or a holiday): never shifted by a zone. */
export function formatCalendarDate(day: string | null | undefined): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return day ?? '—';
  return formatter(current.language, 'UTC', false).format(new Date(`${day}T00:00:00Z`));
}

const numberFormats = new Map<UiLanguage, Intl.NumberFormat>();

/** 12,345 in either language. */
export function formatNumber(value: number): string {
  let f = numberFormats.get(current.language);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[current.language]);
    numberFormats.set(current.language, f);
  }
  return f.format(value);
}

/** A long hash shortened for tables: `ab12cd34…ef56`. */
export function shortHash(hash: string, head = 8, tail = 4): string {
  return hash.length <= head + tail + 1 ? hash : `${hash.slice(0, head)}…${hash.slice(-tail)}`;
}
