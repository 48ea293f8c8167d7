/**
 * Days an organisation is closed every year, as `MM-DD`. The default is 年末年始, the Japanese
 * year-end closure from 29 December to 3 January; the organisation can change the list.
 */
export const DEFAULT_RECURRING_CLOSED_DAYS: readonly string[] = ['12-29', '12-30', '12-31', '01-01', '01-02', '01-03'];

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** Whether `value` is a day of the year as `MM-DD` (29 February included: it recurs in leap years). */
export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  if (!m) return false;
  const [month, day] = [Number(m[1]), Number(m[2])];
  // 2000 was a leap year, so 02-29 passes.
  const t = new Date(Date.UTC(2000, month - 1, day));
  return t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}
