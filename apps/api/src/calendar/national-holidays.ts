import holidayJp from '@holiday-jp/holiday_jp';
import { dayNumberToIsoDate, localDayNumber, type ResponsePeriod } from '@steward/policy-core';

/**
 * Japanese national holidays (国民の祝日, 振替休日 and 国民の休日) from @holiday-jp/holiday_jp, the
 * holiday-jp project's data set (the Cabinet Office's list, 1970–2050, updated when the law moves a
 * day). Read here and passed to policy-core as data: policy-core stays pure, and the organisation's
 * own closed days stay in its own lists.
 */
const DATES: readonly string[] = Object.keys(holidayJp.holidays).sort();

/** The last date the data covers (a due date beyond it would miss the holidays of later years). */
export const JAPANESE_HOLIDAYS_KNOWN_THROUGH = DATES[DATES.length - 1]!;

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
 * How far after the receipt day national holidays are passed: a response period is at most 365
 * days, and 365 business days span well under three years unless the organisation closes for
 * months each year.
 */
const HORIZON_DAYS = 3 * 366;

/**
 * The period a request received at `receivedAt` is counted in: the organisation's settings plus,
 * when it observes them, the national holidays from the local receipt day on.
 */
export function periodWithNationalHolidays(
  period: ResponsePeriod,
  observeJapaneseHolidays: boolean,
  receivedAt: Date,
): ResponsePeriod {
  if (!observeJapaneseHolidays || period.unit !== 'BUSINESS_DAYS') return { ...period, nationalHolidays: [] };
  const receiptDay = localDayNumber(receivedAt, period.timeZone);
  return {
    ...period,
    nationalHolidays: japaneseHolidaysBetween(
      dayNumberToIsoDate(receiptDay),
      dayNumberToIsoDate(receiptDay + HORIZON_DAYS),
    ),
  };
}
