import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { incidentDeadlineStatus, incidentDeadlines, mostUrgentDeadlineState } from './incident-deadlines.js';

const TOKYO = 'Asia/Tokyo';

describe('incidentDeadlines: counted from awareness, day of awareness = day 1, calendar days', () => {
  it('preliminary on day 5, final on day 30', () => {
    // Aware Monday 2027-03-01 10:00 JST.
    const d = incidentDeadlines(new Date('2027-03-01T01:00:00Z'), TOKYO, false);
    expect(d.awareOn).toBe('2027-03-01');
    expect(d.preliminary.dueOn).toBe('2027-03-05');
    expect(d.preliminary.warnFrom).toBe('2027-03-03');
    expect(d.final.dueOn).toBe('2027-03-30');
    expect(d.final.day).toBe(30);
    // End of the local day: 23:59:59.999 JST.
    expect(d.final.dueAt.toISOString()).toBe('2027-03-30T14:59:59.999Z');
  });

  it('60 days when a wrongful purpose is suspected', () => {
    const d = incidentDeadlines(new Date('2027-03-01T01:00:00Z'), TOKYO, true);
    expect(d.final.dueOn).toBe('2027-04-29');
    expect(d.final.day).toBe(60);
    expect(d.preliminary.dueOn).toBe('2027-03-05');
  });

  it('weekends count and do not move a deadline (Friday awareness: preliminary due Tuesday)', () => {
    // Friday 2027-03-05.
    const d = incidentDeadlines(new Date('2027-03-05T03:00:00Z'), TOKYO, false);
    expect(d.preliminary.dueOn).toBe('2027-03-09');
    // Day 30 is Saturday 2027-04-03: it stays a Saturday.
    expect(d.final.dueOn).toBe('2027-04-03');
    expect(new Date(`${d.final.dueOn}T00:00:00Z`).getUTCDay()).toBe(6);
  });

  it('across month ends, a leap day and the year end', () => {
    expect(incidentDeadlines(new Date('2027-01-31T03:00:00Z'), TOKYO, false).final.dueOn).toBe('2027-03-01');
    expect(incidentDeadlines(new Date('2028-01-31T03:00:00Z'), TOKYO, false).final.dueOn).toBe('2028-02-29');
    const yearEnd = incidentDeadlines(new Date('2026-12-28T03:00:00Z'), TOKYO, false);
    expect(yearEnd.preliminary.dueOn).toBe('2027-01-01');
    expect(yearEnd.final.dueOn).toBe('2027-01-26');
    expect(incidentDeadlines(new Date('2026-12-28T03:00:00Z'), TOKYO, true).final.dueOn).toBe('2027-02-25');
  });

  it("takes the local date in the organisation's time zone", () => {
    // 2027-03-01 23:30 UTC is already 2027-03-02 08:30 in Tokyo, still 2027-03-01 in New York.
    const at = new Date('2027-03-01T23:30:00Z');
    expect(incidentDeadlines(at, TOKYO, false).awareOn).toBe('2027-03-02');
    expect(incidentDeadlines(at, 'America/New_York', false).awareOn).toBe('2027-03-01');
    expect(incidentDeadlines(at, 'America/New_York', false).final.dueOn).toBe('2027-03-30');
    // Across the US daylight-saving change (2027-03-14) the due instant is the local end of day.
    expect(incidentDeadlines(at, 'America/New_York', false).final.dueAt.toISOString()).toBe('2027-03-31T03:59:59.999Z');
  });

  it('refuses an invalid date or zone', () => {
    expect(() => incidentDeadlines(new Date('x'), TOKYO, false)).toThrow(RangeError);
    expect(() => incidentDeadlines(new Date(), 'Mars/Olympus', false)).toThrow(RangeError);
  });

  it('property: final is day 30 or 60 counting awareness as day 1, never before the preliminary', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.boolean(),
        fc.constantFrom(TOKYO, 'UTC', 'Europe/London', 'America/Los_Angeles'),
        (at, wrongful, zone) => {
          const d = incidentDeadlines(at, zone, wrongful);
          const days = (a: string, b: string) =>
            (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
          expect(days(d.awareOn, d.final.dueOn)).toBe(wrongful ? 59 : 29);
          expect(days(d.awareOn, d.preliminary.dueOn)).toBe(4);
          expect(d.final.dueAt.getTime()).toBeGreaterThan(d.preliminary.dueAt.getTime());
          expect(d.preliminary.dueAt.getTime()).toBeGreaterThan(at.getTime());
        },
      ),
    );
  });
});

describe('incidentDeadlineStatus', () => {
  const d = incidentDeadlines(new Date('2027-03-01T01:00:00Z'), TOKYO, false);
  const facts = { status: 'ASSESSING', reportsRequired: true, preliminarySentAt: null, finalSentAt: null } as const;
  const at = (iso: string) => new Date(iso);

  it('on track, due soon from day 3, overdue after the end of day 5', () => {
    expect(incidentDeadlineStatus(d, facts, at('2027-03-02T03:00:00Z'), TOKYO).preliminary).toEqual({
      state: 'ON_TRACK',
      daysLeft: 3,
      late: false,
    });
    expect(incidentDeadlineStatus(d, facts, at('2027-03-03T03:00:00Z'), TOKYO).preliminary.state).toBe('DUE_SOON');
    expect(incidentDeadlineStatus(d, facts, at('2027-03-05T14:59:59Z'), TOKYO).preliminary).toEqual({
      state: 'DUE_SOON',
      daysLeft: 0,
      late: false,
    });
    expect(incidentDeadlineStatus(d, facts, at('2027-03-05T15:00:00Z'), TOKYO).preliminary).toEqual({
      state: 'OVERDUE',
      daysLeft: -1,
      late: false,
    });
  });

  it('the final report is due soon in its last week', () => {
    expect(incidentDeadlineStatus(d, facts, at('2027-03-23T03:00:00Z'), TOKYO).final.state).toBe('ON_TRACK');
    expect(incidentDeadlineStatus(d, facts, at('2027-03-24T03:00:00Z'), TOKYO).final.state).toBe('DUE_SOON');
  });

  it('met once sent, and late when sent after the due instant', () => {
    const s = incidentDeadlineStatus(
      d,
      { ...facts, preliminarySentAt: at('2027-03-06T01:00:00Z'), finalSentAt: at('2027-03-20T01:00:00Z') },
      at('2027-04-10T00:00:00Z'),
      TOKYO,
    );
    expect(s.preliminary).toEqual({ state: 'MET', daysLeft: null, late: true });
    expect(s.final).toEqual({ state: 'MET', daysLeft: null, late: false });
  });

  it('not required when not reportable or closed', () => {
    const s = incidentDeadlineStatus(d, { ...facts, reportsRequired: false }, at('2027-05-01T00:00:00Z'), TOKYO);
    expect([s.preliminary.state, s.final.state]).toEqual(['NOT_REQUIRED', 'NOT_REQUIRED']);
    expect(
      incidentDeadlineStatus(d, { ...facts, status: 'CLOSED' }, at('2027-05-01T00:00:00Z'), TOKYO).final.state,
    ).toBe('NOT_REQUIRED');
  });

  it('mostUrgentDeadlineState', () => {
    expect(mostUrgentDeadlineState(['MET', 'OVERDUE'])).toBe('OVERDUE');
    expect(mostUrgentDeadlineState(['ON_TRACK', 'DUE_SOON'])).toBe('DUE_SOON');
    expect(mostUrgentDeadlineState(['NOT_REQUIRED', 'MET'])).toBe('MET');
    expect(mostUrgentDeadlineState([])).toBe('NOT_REQUIRED');
  });
});
