import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import { isClosedRequestStatus, type RequestStatus } from './request-vocabulary.js';

/**
 * The organisation's response period for provider requests (policy clause 4: "in a timely
 * manner"). The policy names no number, so the organisation configures it.
 */
export type ResponsePeriod = {
  /** Whole days, 0 or more. */
  days: number;
  unit: 'CALENDAR_DAYS' | 'BUSINESS_DAYS';
  /** Non-working days as local dates 'YYYY-MM-DD' (e.g. Japanese public holidays, 年末年始). Only used for BUSINESS_DAYS. */
  holidays?: readonly string[];
  /** The organisation's fixed offset from UTC in minutes (JST = 540). No DST is modelled. */
  timeZoneOffsetMinutes: number;
};

const MINUTE = 60_000;
const DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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
  (period.holidays ?? []).forEach((h, i) => {
    if (isoDateToDayNumber(h) === null) {
      issues.push(issue(`holidays[${i}]`, 'INVALID_FORMAT', 'Use a date such as 2026-01-01 (YYYY-MM-DD).'));
    }
  });
  const off = period.timeZoneOffsetMinutes;
  if (!Number.isInteger(off) || off < -840 || off > 840) {
    issues.push(
      issue('timeZoneOffsetMinutes', 'INVALID_VALUE', 'The offset must be whole minutes between -840 and 840.'),
    );
  }
  return toValidation(issues);
}

function checkedTime(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`\`${name}\` is an invalid Date.`);
  return t;
}

/** Local calendar day (days since 1970-01-01) of an instant at a fixed UTC offset. */
export function localDayNumber(at: Date, timeZoneOffsetMinutes: number): number {
  return Math.floor((checkedTime(at, 'at') + timeZoneOffsetMinutes * MINUTE) / DAY);
}

/** Saturday or Sunday (1970-01-01 was a Thursday). */
function isWeekend(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** The last millisecond of a local day, as an instant. */
function endOfLocalDay(dayNumber: number, timeZoneOffsetMinutes: number): Date {
  return new Date((dayNumber + 1) * DAY - timeZoneOffsetMinutes * MINUTE - 1);
}

/**
 * When a request received at `receivedAt` must be answered.
 *
 * Convention (all in the organisation's local calendar, `timeZoneOffsetMinutes` from UTC):
 * - The receipt day is the local date of `receivedAt`; it is not counted (初日不算入).
 * - CALENDAR_DAYS: due on receipt day + `days`, whatever weekday that is.
 * - BUSINESS_DAYS: business days are Monday–Friday not in `holidays`. Due on the `days`-th
 *   business day after the receipt day; with `days` = 0, on the receipt day if it is a business
 *   day, otherwise on the next business day. So a business-day due date is never a weekend or holiday.
 * - The request is due at the end of that local day: 23:59:59.999 local time, returned as an
 *   instant (for JST, 14:59:59.999Z the same date).
 *
 * Throws a RangeError for an invalid Date or period (see validateResponsePeriod).
 */
export function dueDate(receivedAt: Date, period: ResponsePeriod): Date {
  const v = validateResponsePeriod(period);
  if (!v.ok)
    throw new RangeError(`Invalid response period: ${v.issues.map((i) => `${i.field}: ${i.message}`).join(' ')}`);
  checkedTime(receivedAt, 'receivedAt');
  const offset = period.timeZoneOffsetMinutes;
  const receiptDay = localDayNumber(receivedAt, offset);
  if (period.unit === 'CALENDAR_DAYS') return endOfLocalDay(receiptDay + period.days, offset);

  const holidays = new Set((period.holidays ?? []).map((h) => isoDateToDayNumber(h)!));
  const isBusinessDay = (d: number) => !isWeekend(d) && !holidays.has(d);
  let day = receiptDay;
  let counted = 0;
  if (period.days === 0) {
    while (!isBusinessDay(day)) day += 1;
  } else {
    while (counted < period.days) {
      day += 1;
      if (isBusinessDay(day)) counted += 1;
    }
  }
  return endOfLocalDay(day, offset);
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
