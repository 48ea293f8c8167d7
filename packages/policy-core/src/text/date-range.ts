import { issue, type Issue } from '../issues.js';

/**
 * The dates Steward takes from anyone: 1900-01-01T00:00:00Z up to the end of 2200 (UTC). Nothing it
 * records (collections, consents, orders, meetings, validity windows) lies outside; a year 0 or
 * 9999 is a typing or a probing, and the databases disagree on it (SQLite stored year 0 as given).
 */
export const DATE_RANGE = { firstYear: 1900, lastYear: 2200 } as const;

const FIRST = Date.UTC(DATE_RANGE.firstYear, 0, 1);
const AFTER_LAST = Date.UTC(DATE_RANGE.lastYear + 1, 0, 1);

/** Whether an instant (milliseconds since the epoch) lies in `DATE_RANGE`; NaN does not. */
export function isDateInRange(epochMs: number): boolean {
  return epochMs >= FIRST && epochMs < AFTER_LAST;
}

/**
 * The issue for a date-time string outside `DATE_RANGE` (INVALID_VALUE), or null — also null for a
 * string that is no date at all, which the scalar's own parsing refuses. The message names the
 * range, never the value.
 */
export function dateRangeIssue(field: string, value: string): Issue | null {
  const at = Date.parse(value);
  if (Number.isNaN(at) || isDateInRange(at)) return null;
  return issue(field, 'INVALID_VALUE', `A date from ${DATE_RANGE.firstYear} to ${DATE_RANGE.lastYear}.`);
}
