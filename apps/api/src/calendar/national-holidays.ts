import holidayJp from '@holiday-jp/holiday_jp';
import { dayNumberToIsoDate, localDayNumber, type ResponsePeriod } from '@steward/policy-core';
import type { AppLog } from '../common/logger.js';

/**
 * Japanese national holidays (国民の祝日, 振替休日 and 国民の休日) from @holiday-jp/holiday_jp, the
 * holiday-jp project's data set (the Cabinet Office's list, 1970–2050, updated when the law moves a
 * day). Read here and passed to policy-core as data: policy-core stays pure, and the organisation's
 * own closed days stay in its own lists.
 */
const DATES: readonly string[] = Object.keys(holidayJp.holidays).sort();

/** The last date the data covers, the end of its last year (a due date beyond it would miss the holidays of later years). */
export const JAPANESE_HOLIDAYS_KNOWN_THROUGH = `${DATES[DATES.length - 1]!.slice(0, 4)}-12-31`;

/** National holidays from `from` to `to` (local dates `YYYY-MM-DD`, both included). */
export function japaneseHolidaysBetween(from: string, to: string): string[] {
  let lo = 0;
  let hi = DATES.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (DATES[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < DATES.length && DATES[i]! <= to; i += 1) out.push(DATES[i]!);
  return out;
}

/**
 * The period a request received at `receivedAt` is counted in: the organisation's settings plus,
 * when it observes them, the national holidays from the local receipt day to the end of the data
 * (a few hundred dates: no guess at how many days the organisation closes, so a due date is never
 * counted past holidays the data has but the period was not given). Not observed: no
 * `nationalHolidays` at all.
 */
export function periodWithNationalHolidays(
  period: ResponsePeriod,
  observeJapaneseHolidays: boolean,
  receivedAt: Date,
): ResponsePeriod {
  const { nationalHolidays: _none, ...own } = period;
  if (!observeJapaneseHolidays || period.unit !== 'BUSINESS_DAYS') return own;
  const receiptDay = dayNumberToIsoDate(localDayNumber(receivedAt, period.timeZone));
  return { ...own, nationalHolidays: japaneseHolidaysBetween(receiptDay, JAPANESE_HOLIDAYS_KNOWN_THROUGH) };
}

let warnedAbout: string | null = null;

/**
 * Warns once per process (a log line an operator can alert on) when a due date counted with the
 * national holidays falls after the last day the holiday data covers: the holidays of later years
 * are missing, so the due date may come a few days early. The cure is a newer @holiday-jp/holiday_jp.
 */
export function warnIfPastHolidayData(period: ResponsePeriod, dueAt: Date, log: AppLog): void {
  if (period.nationalHolidays === undefined || warnedAbout === JAPANESE_HOLIDAYS_KNOWN_THROUGH) return;
  const dueDay = dayNumberToIsoDate(localDayNumber(dueAt, period.timeZone));
  if (dueDay <= JAPANESE_HOLIDAYS_KNOWN_THROUGH) return;
  warnedAbout = JAPANESE_HOLIDAYS_KNOWN_THROUGH;
  log.warn('Japanese holiday data ends before a due date: update @holiday-jp/holiday_jp', {
    knownThrough: JAPANESE_HOLIDAYS_KNOWN_THROUGH,
    dueDate: dueDay,
  });
}
