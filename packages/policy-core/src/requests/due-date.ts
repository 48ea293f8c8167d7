import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import { isMonthDay } from '../calendar/closed-days.js';
import { dayNumberToIsoDate, endOfLocalDay, isValidTimeZone, localDayNumber } from '../calendar/time-zone.js';
import { isClosedRequestStatus, type RequestStatus } from './request-vocabulary.js';

/**
 * The organisation's response period for provider requests (policy clause 4: "in a timely
 * manner"), with the calendar it is counted in. The policy names no number, so the organisation
 * configures it.
 */
export type ResponsePeriod = {
  /** Whole days, 0 or more. */
  days: number;
  unit: 'CALENDAR_DAYS' | 'BUSINESS_DAYS';
  /** The organisation's IANA time zone (e.g. `Asia/Tokyo`): local dates are taken in it, DST included. */
  timeZone: string;
  /** The organisation's own one-off closed days, local dates `YYYY-MM-DD`. Only used for BUSINESS_DAYS. */
  holidays?: readonly string[];
  /** Days closed every year, `MM-DD` (年末年始 by default: DEFAULT_RECURRING_CLOSED_DAYS). Only used for BUSINESS_DAYS. */
  recurringClosedDays?: readonly string[];
  /**
   * National public holidays, `YYYY-MM-DD`, as the caller's holiday data gives them (policy-core
   * holds no calendar data). They must cover the receipt day up to the due day. Only used for BUSINESS_DAYS.
   */
  nationalHolidays?: readonly string[];
};

const DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A business-day count that walks this far finds no business day at all (every day closed). */
const MAX_WALK_DAYS = 20 * 366;

/** Days since 1970-01-01 of an ISO date, or null when it is not a real calendar date. */
export function isoDateToDayNumber(value: string): number | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY;
}

/** Validates a response period; dueDate throws a RangeError for the same problems. */
export function validateResponsePeriod(period: ResponsePeriod): Validation {
  const issues: Issue[] = [];
  if (!Number.isSafeInteger(period.days) || period.days < 0) {
    issues.push(issue('days', 'INVALID_VALUE', 'The response period must be a whole number of days, 0 or more.'));
  }
  if (period.unit !== 'CALENDAR_DAYS' && period.unit !== 'BUSINESS_DAYS') {
    issues.push(issue('unit', 'INVALID_VALUE', 'The unit must be CALENDAR_DAYS or BUSINESS_DAYS.'));
  }
  if (!isValidTimeZone(period.timeZone)) {
    issues.push(issue('timeZone', 'INVALID_VALUE', 'Use an IANA time zone such as Asia/Tokyo.'));
  }
  (period.holidays ?? []).forEach((h, i) => {
    if (isoDateToDayNumber(h) === null) {
      issues.push(issue(`holidays[${i}]`, 'INVALID_FORMAT', 'Use a date such as 2026-01-01 (YYYY-MM-DD).'));
    }
  });
  (period.recurringClosedDays ?? []).forEach((d, i) => {
    if (!isMonthDay(d)) {
      issues.push(issue(`recurringClosedDays[${i}]`, 'INVALID_FORMAT', 'Use a day of the year such as 12-29 (MM-DD).'));
    }
  });
  (period.nationalHolidays ?? []).forEach((h, i) => {
    if (isoDateToDayNumber(h) === null) {
      issues.push(issue(`nationalHolidays[${i}]`, 'INVALID_FORMAT', 'Use a date such as 2026-01-01 (YYYY-MM-DD).'));
    }
  });
  return toValidation(issues);
}

function checkedTime(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`\`${name}\` is an invalid Date.`);
  return t;
}

/** Saturday or Sunday (1970-01-01 was a Thursday). */
function isWeekend(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/**
 * Whether a local date is a business day of the period's calendar: Monday–Friday, not a national
 * holiday, not a recurring closed day (`MM-DD`) and not a one-off closed day.
 */
export function businessDayTest(period: ResponsePeriod): (day: number) => boolean {
  const closed = new Set<number>();
  for (const h of [...(period.holidays ?? []), ...(period.nationalHolidays ?? [])]) {
    const d = isoDateToDayNumber(h);
    if (d !== null) closed.add(d);
  }
  const recurring = new Set(period.recurringClosedDays ?? []);
  return (day) => !isWeekend(day) && !closed.has(day) && !recurring.has(dayNumberToIsoDate(day).slice(5));
}

/**
 * When a request received at `receivedAt` must be answered.
 *
 * Convention (all in the organisation's local calendar, in its IANA `timeZone`):
 * - The receipt day is the local date of `receivedAt`; it is not counted (初日不算入).
 * - CALENDAR_DAYS: due on receipt day + `days`, whatever weekday that is.
 * - BUSINESS_DAYS: business days are Monday–Friday that are neither national holidays nor the
 *   organisation's recurring (`MM-DD`) or one-off closed days. Due on the `days`-th business day
 *   after the receipt day; with `days` = 0, on the receipt day if it is a business day, otherwise
 *   on the next business day. So a business-day due date is never a weekend or closed day.
 * - The request is due at the end of that local day: 23:59:59.999 local time, returned as an
 *   instant (for Asia/Tokyo, 14:59:59.999Z the same date).
 *
 * Throws a RangeError for an invalid Date or period (see validateResponsePeriod), or when no
 * business day comes within twenty years (every day closed).
 */
export function dueDate(receivedAt: Date, period: ResponsePeriod): Date {
  const v = validateResponsePeriod(period);
  if (!v.ok)
    throw new RangeError(`Invalid response period: ${v.issues.map((i) => `${i.field}: ${i.message}`).join(' ')}`);
  checkedTime(receivedAt, 'receivedAt');
  const zone = period.timeZone;
  const receiptDay = localDayNumber(receivedAt, zone);
  if (period.unit === 'CALENDAR_DAYS') return endOfLocalDay(receiptDay + period.days, zone);

  const isBusinessDay = businessDayTest(period);
  const limit = receiptDay + period.days + MAX_WALK_DAYS;
  let day = receiptDay;
  let counted = 0;
  const step = () => {
    day += 1;
    if (day > limit) throw new RangeError('No business day: every day is closed.');
  };
  if (period.days === 0) {
    while (!isBusinessDay(day)) step();
  } else {
    while (counted < period.days) {
      step();
      if (isBusinessDay(day)) counted += 1;
    }
  }
  return endOfLocalDay(day, zone);
}

/** A request is overdue once `at` is after its due instant, unless it is COMPLETED or REJECTED. */
export function isOverdue(request: { status: RequestStatus; dueAt: Date }, at: Date): boolean {
  if (isClosedRequestStatus(request.status)) return false;
  return checkedTime(at, 'at') > checkedTime(request.dueAt, 'dueAt');
}

/**
 * Whole days left until `dueAt`, counted in 24-hour periods: positive values round up (1 = due
 * within the next 24 hours), 0 = exactly at the due instant, negative values count started days
 * overdue (-1 = overdue by up to 24 hours).
 */
export function daysRemaining(dueAt: Date, at: Date): number {
  const diff = checkedTime(dueAt, 'dueAt') - checkedTime(at, 'at');
  if (diff >= 0) return Math.ceil(diff / DAY);
  return -Math.ceil(-diff / DAY);
}
