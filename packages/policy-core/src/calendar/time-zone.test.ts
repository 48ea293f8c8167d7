import { describe, expect, it } from 'vitest';
import { isMonthDay } from './closed-days.js';
import {
  canonicalTimeZone,
  endOfLocalDay,
  isValidTimeZone,
  localDayNumber,
  localIsoDate,
  startOfLocalDay,
  timeZoneForOffset,
} from './time-zone.js';
import { isoDateToDayNumber } from '../requests/due-date.js';

const day = (iso: string) => isoDateToDayNumber(iso)!;

describe('time zones', () => {
  it('knows IANA zones and spells them canonically; refuses anything else', () => {
    expect(canonicalTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(canonicalTimeZone('asia/tokyo')).toBe('Asia/Tokyo');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    for (const bad of ['', 'Asia/Atlantis', 'JST+9', 'x'.repeat(65)]) expect(isValidTimeZone(bad)).toBe(false);
  });

  it('takes the local date in the zone: 23:30 UTC is already the next day in Tokyo', () => {
    const at = new Date('2026-04-09T23:30:00Z');
    expect(localIsoDate(at, 'UTC')).toBe('2026-04-09');
    expect(localIsoDate(at, 'Asia/Tokyo')).toBe('2026-04-10');
    expect(localIsoDate(at, 'America/Los_Angeles')).toBe('2026-04-09');
    expect(localDayNumber(new Date('2026-04-09T14:59:59.999Z'), 'Asia/Tokyo')).toBe(day('2026-04-09'));
    expect(localDayNumber(new Date('2026-04-09T15:00:00Z'), 'Asia/Tokyo')).toBe(day('2026-04-10'));
  });

  it('ends a local day at 23:59:59.999 local, following DST', () => {
    expect(endOfLocalDay(day('2026-04-10'), 'Asia/Tokyo').toISOString()).toBe('2026-04-10T14:59:59.999Z');
    // New York: EST (−5) before 8 March 2026, EDT (−4) from it.
    expect(endOfLocalDay(day('2026-03-07'), 'America/New_York').toISOString()).toBe('2026-03-08T04:59:59.999Z');
    expect(endOfLocalDay(day('2026-03-08'), 'America/New_York').toISOString()).toBe('2026-03-09T03:59:59.999Z');
    expect(endOfLocalDay(day('2026-10-25'), 'Europe/London').toISOString()).toBe('2026-10-25T23:59:59.999Z');
  });

  it('starts a day whose midnight is skipped by DST at its first instant (Chile, 6 Sep 2026)', () => {
    const start = startOfLocalDay(day('2026-09-06'), 'America/Santiago');
    expect(start.toISOString()).toBe('2026-09-06T04:00:00.000Z'); // 01:00 −03
    expect(localIsoDate(start, 'America/Santiago')).toBe('2026-09-06');
    expect(localIsoDate(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  it('maps the old fixed offsets to zones', () => {
    expect(timeZoneForOffset(540)).toBe('Asia/Tokyo');
    expect(timeZoneForOffset(0)).toBe('UTC');
    expect(timeZoneForOffset(60)).toBe('Etc/GMT-1');
    expect(timeZoneForOffset(-300)).toBe('Etc/GMT+5');
    expect(timeZoneForOffset(330)).toBeNull();
    for (const m of [60, -300, 840, -720]) expect(isValidTimeZone(timeZoneForOffset(m)!)).toBe(true);
  });
});

describe('isMonthDay', () => {
  it('takes MM-DD days of the year, 29 February included', () => {
    for (const ok of ['01-01', '12-31', '02-29']) expect(isMonthDay(ok)).toBe(true);
    for (const bad of ['13-01', '02-30', '1-01', '12-29 ', '2026-12-29', '00-10']) expect(isMonthDay(bad)).toBe(false);
  });
});
