import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysRemaining,
  dueDate,
  isOverdue,
  isoDateToDayNumber,
  validateResponsePeriod,
  type ResponsePeriod,
} from './due-date.js';
import { DEFAULT_RECURRING_CLOSED_DAYS } from '../calendar/closed-days.js';
import { localDayNumber } from '../calendar/time-zone.js';
import { REQUEST_STATUSES } from './request-vocabulary.js';

const JST = 'Asia/Tokyo';
const biz = (days: number, holidays?: string[]): ResponsePeriod => ({
  days,
  unit: 'BUSINESS_DAYS',
  timeZone: JST,
  ...(holidays ? { holidays } : {}),
});
const cal = (days: number): ResponsePeriod => ({ days, unit: 'CALENDAR_DAYS', timeZone: JST });
/** A local JST wall-clock time as an instant. */
const jst = (iso: string) => new Date(`${iso}+09:00`);
/** End of a JST local date, as an ISO instant string. */
const endJst = (date: string) => jst(`${date}T23:59:59.999`).toISOString();

describe('dueDate', () => {
  it('is due at 23:59:59.999 local time, i.e. 14:59:59.999Z in JST', () => {
    expect(dueDate(jst('2025-04-07T10:00:00'), cal(0)).toISOString()).toBe('2025-04-07T14:59:59.999Z');
  });

  it('counts calendar days from the day after receipt, over weekends and year end', () => {
    expect(dueDate(jst('2025-04-04T10:00:00'), cal(1)).toISOString()).toBe(endJst('2025-04-05')); // Fri → Sat
    expect(dueDate(jst('2025-12-30T10:00:00'), cal(14)).toISOString()).toBe(endJst('2026-01-13'));
    expect(dueDate(jst('2024-02-28T10:00:00'), cal(1)).toISOString()).toBe(endJst('2024-02-29'));
  });

  it('skips weekends for business days', () => {
    expect(dueDate(jst('2025-04-04T10:00:00'), biz(1)).toISOString()).toBe(endJst('2025-04-07')); // Fri → Mon
    expect(dueDate(jst('2025-04-05T10:00:00'), biz(1)).toISOString()).toBe(endJst('2025-04-07')); // Sat → Mon
    expect(dueDate(jst('2025-04-07T10:00:00'), biz(5)).toISOString()).toBe(endJst('2025-04-14')); // Mon → next Mon
    expect(dueDate(jst('2025-04-03T10:00:00'), biz(10)).toISOString()).toBe(endJst('2025-04-17'));
  });

  it('skips listed holidays, including across the year end', () => {
    const nenmatsu = ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-12'];
    // Fri 26 Dec: next business days are Mon 5, Tue 6 … (12 Jan is Coming-of-Age Day)
    expect(dueDate(jst('2025-12-26T17:00:00'), biz(1, nenmatsu)).toISOString()).toBe(endJst('2026-01-05'));
    expect(dueDate(jst('2025-12-26T17:00:00'), biz(5, nenmatsu)).toISOString()).toBe(endJst('2026-01-09'));
    expect(dueDate(jst('2025-12-26T17:00:00'), biz(6, nenmatsu)).toISOString()).toBe(endJst('2026-01-13'));
    // Golden Week 2025
    const gw = ['2025-04-29', '2025-05-03', '2025-05-04', '2025-05-05', '2025-05-06'];
    expect(dueDate(jst('2025-05-02T09:00:00'), biz(1, gw)).toISOString()).toBe(endJst('2025-05-07'));
  });

  it('uses the local (JST) date of receipt, not the UTC date', () => {
    // Friday 23:30 JST is Friday 14:30Z; Saturday 00:30 JST is still Friday 15:30Z in UTC.
    const fridayNight = jst('2025-04-04T23:30:00');
    const saturdayEarly = jst('2025-04-05T00:30:00');
    expect(saturdayEarly.toISOString()).toBe('2025-04-04T15:30:00.000Z');
    expect(dueDate(fridayNight, cal(1)).toISOString()).toBe(endJst('2025-04-05'));
    expect(dueDate(saturdayEarly, cal(1)).toISOString()).toBe(endJst('2025-04-06'));
    expect(dueDate(fridayNight, biz(0)).toISOString()).toBe(endJst('2025-04-04'));
    expect(dueDate(saturdayEarly, biz(0)).toISOString()).toBe(endJst('2025-04-07'));
    // The same instant in UTC (offset 0) is still Friday.
    expect(dueDate(saturdayEarly, { ...cal(0), timeZone: 'UTC' }).toISOString()).toBe('2025-04-04T23:59:59.999Z');
  });

  it('period 0: end of the receipt day, rolled to the next business day for BUSINESS_DAYS', () => {
    expect(dueDate(jst('2025-04-05T10:00:00'), cal(0)).toISOString()).toBe(endJst('2025-04-05'));
    expect(dueDate(jst('2025-04-05T10:00:00'), biz(0)).toISOString()).toBe(endJst('2025-04-07'));
    expect(dueDate(jst('2025-04-07T10:00:00'), biz(0)).toISOString()).toBe(endJst('2025-04-07'));
    expect(dueDate(jst('2025-04-07T10:00:00'), biz(0, ['2025-04-07'])).toISOString()).toBe(endJst('2025-04-08'));
  });

  it('is DST-free in JST: the same wall-clock rule in March and November', () => {
    for (const d of ['2025-03-09', '2025-03-30', '2025-11-02', '2025-10-26']) {
      expect(dueDate(jst(`${d}T12:00:00`), cal(0)).toISOString()).toBe(`${d}T14:59:59.999Z`);
    }
  });

  it('rejects invalid input with a RangeError', () => {
    expect(() => dueDate(new Date(Number.NaN), cal(1))).toThrow(RangeError);
    expect(() => dueDate(jst('2025-04-07T10:00:00'), cal(-1))).toThrow(RangeError);
    expect(() => dueDate(jst('2025-04-07T10:00:00'), cal(1.5))).toThrow(RangeError);
    expect(() => dueDate(jst('2025-04-07T10:00:00'), biz(1, ['2025-02-30']))).toThrow(RangeError);
    expect(() => dueDate(jst('2025-04-07T10:00:00'), { ...cal(1), timeZone: 'Asia/Atlantis' })).toThrow(RangeError);
  });

  describe('the Japanese calendar (national holidays as the API passes them, 年末年始 by default)', () => {
    // The Cabinet Office's list, as the API's holiday data gives it.
    const national = [
      '2026-04-29',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-05-06', // 5/6: 振替休日 for Sunday 5/3
      '2027-01-01',
      '2027-01-11',
      '2027-04-29',
      '2027-05-03',
      '2027-05-04',
      '2027-05-05',
    ];
    const japan = (days: number, extra: Partial<ResponsePeriod> = {}): ResponsePeriod => ({
      ...biz(days),
      nationalHolidays: national,
      recurringClosedDays: DEFAULT_RECURRING_CLOSED_DAYS,
      ...extra,
    });

    it('skips Golden Week 2027: received Wed 28 April, 10 business days → Tue 18 May', () => {
      const at = jst('2027-04-28T10:00:00');
      expect(dueDate(at, japan(10)).toISOString()).toBe(endJst('2027-05-18'));
      // Without the national holidays it would be Wed 12 May.
      expect(dueDate(at, japan(10, { nationalHolidays: [] })).toISOString()).toBe(endJst('2027-05-12'));
    });

    it('skips Golden Week 2026 with its 振替休日 on Wed 6 May', () => {
      expect(dueDate(jst('2026-05-01T10:00:00'), japan(1)).toISOString()).toBe(endJst('2026-05-07'));
      expect(dueDate(jst('2026-04-28T10:00:00'), japan(3)).toISOString()).toBe(endJst('2026-05-07'));
      expect(dueDate(jst('2026-05-05T10:00:00'), japan(0)).toISOString()).toBe(endJst('2026-05-07'));
    });

    it('skips 年末年始 (29 Dec – 3 Jan) and 成人の日: received Fri 25 Dec 2026', () => {
      const at = jst('2026-12-25T16:00:00');
      expect(dueDate(at, japan(1)).toISOString()).toBe(endJst('2026-12-28'));
      expect(dueDate(at, japan(2)).toISOString()).toBe(endJst('2027-01-04'));
      expect(dueDate(at, japan(10)).toISOString()).toBe(endJst('2027-01-15'));
      // A changed recurring rule (closed 29–31 Dec only) and a one-off closed day (Mon 4 Jan).
      const changed = japan(2, { recurringClosedDays: ['12-29', '12-30', '12-31'], holidays: ['2027-01-04'] });
      expect(dueDate(at, changed).toISOString()).toBe(endJst('2027-01-05'));
      // No recurring closure: Mon 28 to Thu 31 Dec count, 1 Jan is 元日.
      expect(dueDate(at, japan(5, { recurringClosedDays: [] })).toISOString()).toBe(endJst('2027-01-04'));
    });

    it('takes the receipt day in the zone: 23:30 UTC on Thursday is Friday in Tokyo', () => {
      const at = new Date('2026-04-09T23:30:00Z');
      expect(dueDate(at, japan(0)).toISOString()).toBe(endJst('2026-04-10'));
      expect(dueDate(at, japan(1)).toISOString()).toBe(endJst('2026-04-13'));
      expect(dueDate(at, { ...japan(1), timeZone: 'UTC' }).toISOString()).toBe('2026-04-10T23:59:59.999Z');
    });

    it('refuses a calendar with no business day at all', () => {
      const everyDay = Array.from({ length: 366 }, (_, i) =>
        new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(5, 10),
      );
      expect(() => dueDate(jst('2026-04-09T10:00:00'), japan(1, { recurringClosedDays: everyDay }))).toThrow(
        RangeError,
      );
    });
  });

  const receipt = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const holidayList = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 15 });

  it('property: business-day due dates never land on a weekend or listed holiday', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 30 }), holidayList, (at, days, offsets) => {
        const base = localDayNumber(at, JST);
        const holidays = offsets.map((o) => new Date((base + o) * 86_400_000).toISOString().slice(0, 10));
        const due = dueDate(at, biz(days, holidays));
        const day = localDayNumber(due, JST);
        const weekday = new Date(day * 86_400_000).getUTCDay();
        expect(weekday === 0 || weekday === 6).toBe(false);
        expect(holidays.map(isoDateToDayNumber)).not.toContain(day);
        expect(due.getTime()).toBeGreaterThanOrEqual(at.getTime());
        // Exactly the last millisecond of a local day.
        expect(localDayNumber(new Date(due.getTime() + 1), JST)).toBe(day + 1);
      }),
    );
  });

  it('property: due dates are monotonic in receivedAt and in days', () => {
    fc.assert(
      fc.property(
        receipt,
        receipt,
        fc.integer({ min: 0, max: 30 }),
        holidayList,
        fc.boolean(),
        (a, b, days, offsets, business) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const base = localDayNumber(early, JST);
          const holidays = offsets.map((o) => new Date((base + o) * 86_400_000).toISOString().slice(0, 10));
          const period: ResponsePeriod = business ? biz(days, holidays) : cal(days);
          expect(dueDate(early, period).getTime()).toBeLessThanOrEqual(dueDate(late, period).getTime());
          expect(dueDate(early, period).getTime()).toBeLessThanOrEqual(
            dueDate(early, { ...period, days: days + 1 }).getTime(),
          );
        },
      ),
    );
  });
});

describe('validateResponsePeriod', () => {
  it('reports every problem', () => {
    expect(validateResponsePeriod(biz(10, ['2026-01-01']))).toEqual({ ok: true });
    const v = validateResponsePeriod({
      days: -1,
      unit: 'WEEKS' as 'CALENDAR_DAYS',
      holidays: ['2026-1-1'],
      recurringClosedDays: ['12-29', '13-01'],
      nationalHolidays: ['2026-02-30'],
      timeZone: '+09:00:00',
    });
    expect(v.ok === false && v.issues.map((i) => [i.field, i.code])).toEqual([
      ['days', 'INVALID_VALUE'],
      ['unit', 'INVALID_VALUE'],
      ['timeZone', 'INVALID_VALUE'],
      ['holidays[0]', 'INVALID_FORMAT'],
      ['recurringClosedDays[1]', 'INVALID_FORMAT'],
      ['nationalHolidays[0]', 'INVALID_FORMAT'],
    ]);
  });
});

describe('isOverdue', () => {
  const dueAt = new Date('2025-04-07T14:59:59.999Z');
  it('is overdue only after the due instant and only while open', () => {
    expect(isOverdue({ status: 'IN_PROGRESS', dueAt }, dueAt)).toBe(false);
    expect(isOverdue({ status: 'IN_PROGRESS', dueAt }, new Date('2025-04-07T15:00:00Z'))).toBe(true);
    const late = new Date('2026-01-01T00:00:00Z');
    expect(REQUEST_STATUSES.filter((status) => isOverdue({ status, dueAt }, late))).toEqual([
      'RECEIVED',
      'VERIFYING',
      'IN_PROGRESS',
    ]);
  });
});

describe('daysRemaining', () => {
  const dueAt = new Date('2025-04-10T14:59:59.999Z');
  it('rounds time left up and time overdue up, with 0 at the due instant', () => {
    expect(daysRemaining(dueAt, dueAt)).toBe(0);
    expect(daysRemaining(dueAt, new Date(dueAt.getTime() - 1))).toBe(1);
    expect(daysRemaining(dueAt, new Date(dueAt.getTime() - 86_400_000))).toBe(1);
    expect(daysRemaining(dueAt, new Date(dueAt.getTime() - 86_400_001))).toBe(2);
    expect(daysRemaining(dueAt, new Date(dueAt.getTime() + 1))).toBe(-1);
    expect(daysRemaining(dueAt, new Date(dueAt.getTime() + 3 * 86_400_000))).toBe(-3);
    expect(Object.is(daysRemaining(dueAt, new Date(dueAt.getTime() + 1)), -0)).toBe(false);
  });
});
