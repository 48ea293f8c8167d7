import { dayNumberToIsoDate, endOfLocalDay, isValidTimeZone, localDayNumber } from '../calendar/time-zone.js';
import { isoDateToDayNumber } from '../requests/due-date.js';
import type { IncidentDeadlineState, IncidentReportKind, IncidentStatus } from './incident-vocabulary.js';

/**
 * The preliminary report (速報) is due "promptly" after the organisation becomes aware (Rules Art.
 * 8(1): 速やかに); the Guidelines (通則編 3-5-3-3) read this as about 3 to 5 days. Steward holds the
 * organisation to the 5th day, counting the day of awareness as day 1, and warns from the 3rd.
 */
export const PRELIMINARY_REPORT_DAY = 5;
export const PRELIMINARY_WARNING_DAY = 3;
/** The final report (確報): within 30 days of awareness, 60 when a wrongful purpose may be the cause (Rules Art. 8(2)). */
export const FINAL_REPORT_DAYS = 30;
export const FINAL_REPORT_DAYS_WRONGFUL_PURPOSE = 60;
/** A final report is "due soon" in its last this many days. */
export const FINAL_WARNING_DAYS = 7;

export type IncidentDeadline = {
  kind: IncidentReportKind;
  /** The local date it is due on (`YYYY-MM-DD` in the organisation's time zone). */
  dueOn: string;
  /** The end of that local day, as an instant. */
  dueAt: Date;
  /** The day it is due on, counting the day of awareness as day 1 (5, 30 or 60). */
  day: number;
  /** From this local date on it is DUE_SOON. */
  warnFrom: string;
};

export type IncidentDeadlines = {
  /** The local date the organisation became aware (day 1). */
  awareOn: string;
  preliminary: IncidentDeadline;
  final: IncidentDeadline;
};

/**
 * The two report deadlines of an incident the organisation became aware of at `awareAt`, in its
 * IANA `timeZone`:
 *
 * - Day 1 is the local date of awareness (Guidelines 3-5-3-3/3-5-3-4: the period runs from the
 *   moment the organisation 知った). This is the earlier of the two ways to read it — the Civil
 *   Code's default would not count the first day (民法140条) — so a deadline Steward shows is
 *   never later than the law's.
 * - Days are calendar days: weekends, national holidays and 年末年始 count (Guidelines 3-5-3-4:
 *   土日・祝日も含める). A deadline is not moved off a closed day either: moving it would be later.
 * - Preliminary: day 5 (PRELIMINARY_REPORT_DAY). Final: day 30, or day 60 when a wrongful purpose is
 *   suspected (Rules Art. 8(2), referring to Art. 7(iii)).
 * - Each is due at the end of its local day (23:59:59.999 local time).
 *
 * Throws a RangeError for an invalid date or time zone.
 */
export function incidentDeadlines(
  awareAt: Date,
  timeZone: string,
  wrongfulPurposeSuspected: boolean,
): IncidentDeadlines {
  if (Number.isNaN(awareAt.getTime())) throw new RangeError('`awareAt` is an invalid Date.');
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
  const day1 = localDayNumber(awareAt, timeZone);
  const finalDays = wrongfulPurposeSuspected ? FINAL_REPORT_DAYS_WRONGFUL_PURPOSE : FINAL_REPORT_DAYS;
  const deadline = (kind: IncidentReportKind, day: number, warnDay: number): IncidentDeadline => ({
    kind,
    dueOn: dayNumberToIsoDate(day1 + day - 1),
    dueAt: endOfLocalDay(day1 + day - 1, timeZone),
    day,
    warnFrom: dayNumberToIsoDate(day1 + warnDay - 1),
  });
  return {
    awareOn: dayNumberToIsoDate(day1),
    preliminary: deadline('PRELIMINARY', PRELIMINARY_REPORT_DAY, PRELIMINARY_WARNING_DAY),
    final: deadline('FINAL', finalDays, finalDays - FINAL_WARNING_DAYS + 1),
  };
}

/** What the deadline states are decided on. */
export type IncidentDeadlineFacts = {
  status: IncidentStatus;
  /** Whether reports are required at all (assessIncident: REPORTABLE). UNDETERMINED counts as required: the clock runs while the staff find out. */
  reportsRequired: boolean;
  /** When each report was recorded as sent, if it was. */
  preliminarySentAt: Date | null;
  finalSentAt: Date | null;
};

export type IncidentDeadlineStatus = {
  state: IncidentDeadlineState;
  /** Whole local days left until the due date (0 on the day it is due, negative when overdue); null when not required or met. */
  daysLeft: number | null;
  /** Sent after its due instant (met, but late): the register shows it. */
  late: boolean;
};

function deadlineState(
  deadline: IncidentDeadline,
  sentAt: Date | null,
  required: boolean,
  now: Date,
  timeZone: string,
): IncidentDeadlineStatus {
  if (sentAt) return { state: 'MET', daysLeft: null, late: sentAt.getTime() > deadline.dueAt.getTime() };
  if (!required) return { state: 'NOT_REQUIRED', daysLeft: null, late: false };
  const today = localDayNumber(now, timeZone);
  const dueDay = localDayNumber(deadline.dueAt, timeZone);
  const daysLeft = dueDay - today;
  if (now.getTime() > deadline.dueAt.getTime()) return { state: 'OVERDUE', daysLeft, late: false };
  const warnFrom = isoDateToDayNumber(deadline.warnFrom) ?? dueDay;
  return { state: today >= warnFrom ? 'DUE_SOON' : 'ON_TRACK', daysLeft, late: false };
}

/**
 * Where each report stands at `now`: MET once recorded as sent (`late` when after its due
 * instant), NOT_REQUIRED when the incident is not reportable or was closed without reports,
 * otherwise OVERDUE after its due instant, DUE_SOON from its warning day, ON_TRACK before. Both
 * clocks run from awareness, whatever the status: a preliminary report does not stop the final one's.
 */
export function incidentDeadlineStatus(
  deadlines: IncidentDeadlines,
  facts: IncidentDeadlineFacts,
  now: Date,
  timeZone: string,
): { preliminary: IncidentDeadlineStatus; final: IncidentDeadlineStatus } {
  const required = facts.reportsRequired && facts.status !== 'CLOSED';
  return {
    preliminary: deadlineState(deadlines.preliminary, facts.preliminarySentAt, required, now, timeZone),
    final: deadlineState(deadlines.final, facts.finalSentAt, required, now, timeZone),
  };
}

/** The most urgent of the two states (for the register and the home page): OVERDUE > DUE_SOON > ON_TRACK > MET > NOT_REQUIRED. */
export function mostUrgentDeadlineState(states: readonly IncidentDeadlineState[]): IncidentDeadlineState {
  const order: IncidentDeadlineState[] = ['OVERDUE', 'DUE_SOON', 'ON_TRACK', 'MET', 'NOT_REQUIRED'];
  for (const s of order) if (states.includes(s)) return s;
  return 'NOT_REQUIRED';
}
