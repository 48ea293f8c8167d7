import { dueDate, type ResponsePeriod } from '@steward/policy-core';
import { describe, expect, it } from 'vitest';
import type { AppLog, LogFields } from '../common/logger.js';
import {
  JAPANESE_HOLIDAYS_KNOWN_THROUGH,
  japaneseHolidaysBetween,
  periodWithNationalHolidays,
  warnIfPastHolidayData,
} from './national-holidays.js';

const jst = (iso: string) => new Date(`${iso}+09:00`);
const businessDays = (days: number, recurringClosedDays: string[] = []): ResponsePeriod => ({
  days,
  unit: 'BUSINESS_DAYS',
  timeZone: 'Asia/Tokyo',
  recurringClosedDays,
});

function memoryLog() {
  const warnings: { message: string; fields?: LogFields }[] = [];
  const log: AppLog = {
    info: () => undefined,
    error: () => undefined,
    warn: (message, fields) => warnings.push({ message, fields }),
  };
  return { log, warnings };
}

describe('periodWithNationalHolidays', () => {
  it('gives the holidays as far as a long period reaches, not a fixed three years', () => {
    // Closed January to August: 365 business days take more than four years.
    const closed = Array.from({ length: 243 }, (_, i) => new Date(Date.UTC(2001, 0, 1 + i)).toISOString().slice(5, 10));
    const received = jst('2030-01-04T10:00:00');
    const period = periodWithNationalHolidays(businessDays(365, closed), true, received);
    const due = dueDate(received, period);
    expect(due.getTime() - received.getTime()).toBeGreaterThan(4 * 365 * 86_400_000);
    const everyHoliday = { ...period, nationalHolidays: japaneseHolidaysBetween('2030-01-01', '2099-12-31') };
    expect(due).toEqual(dueDate(received, everyHoliday));
  });

  it('gives no national holidays when the organisation does not observe them', () => {
    expect(periodWithNationalHolidays(businessDays(14), false, jst('2026-04-28T10:00:00')).nationalHolidays).toBe(
      undefined,
    );
  });
});

describe('warnIfPastHolidayData', () => {
  it('warns once when a due date falls after the data ends, and not before or when holidays are not observed', () => {
    const { log, warnings } = memoryLog();
    const late = jst('2050-12-24T10:00:00');
    const lateUnobserved = periodWithNationalHolidays(businessDays(14), false, late);
    warnIfPastHolidayData(lateUnobserved, dueDate(late, lateUnobserved), log);
    const early = jst('2026-04-28T10:00:00');
    const earlyPeriod = periodWithNationalHolidays(businessDays(14), true, early);
    warnIfPastHolidayData(earlyPeriod, dueDate(early, earlyPeriod), log);
    expect(warnings).toEqual([]);

    const latePeriod = periodWithNationalHolidays(businessDays(14), true, late);
    const due = dueDate(late, latePeriod);
    warnIfPastHolidayData(latePeriod, due, log);
    warnIfPastHolidayData(latePeriod, due, log);
    expect(warnings).toEqual([
      {
        message: expect.stringContaining('holiday data ends'),
        fields: { knownThrough: JAPANESE_HOLIDAYS_KNOWN_THROUGH, dueDate: expect.stringMatching(/^2051-01-/) },
      },
    ]);
  });
});
