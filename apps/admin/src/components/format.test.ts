import { afterEach, describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatDateTime, formatNumber, setFormatLocale, shortHash } from './format.js';

afterEach(() => setFormatLocale({ language: 'en', timeZone: undefined }));

describe('formatDateTime', () => {
  it('formats in the given time zone with a 24-hour clock, in the language shown', () => {
    setFormatLocale({ language: 'en', timeZone: undefined });
    expect(formatDateTime('2025-03-31T15:30:00Z', 'Asia/Tokyo')).toBe('1 Apr 2025, 00:30');
    expect(formatDateTime('2025-03-31T15:30:00Z', 'UTC')).toBe('31 Mar 2025, 15:30');
    setFormatLocale({ language: 'ja', timeZone: undefined });
    expect(formatDateTime('2025-03-31T15:30:00Z', 'Asia/Tokyo')).toBe('2025年4月1日 00:30');
  });
  it("uses the organisation's zone when none is given", () => {
    setFormatLocale({ language: 'ja', timeZone: 'Asia/Tokyo' });
    expect(formatDateTime('2025-03-31T15:30:00Z')).toBe('2025年4月1日 00:30');
  });
  it('renders missing or broken values as a dash', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('formatDate', () => {
  it('formats the calendar date of the zone', () => {
    setFormatLocale({ language: 'ja', timeZone: 'Asia/Tokyo' });
    expect(formatDate('2025-03-31T15:30:00Z')).toBe('2025年4月1日');
    setFormatLocale({ language: 'en', timeZone: 'UTC' });
    expect(formatDate('2025-03-31T15:30:00Z')).toBe('31 Mar 2025');
    expect(formatDate(null)).toBe('—');
  });
  it('never shifts a calendar date by a zone', () => {
    setFormatLocale({ language: 'en', timeZone: 'America/Los_Angeles' });
    expect(formatCalendarDate('2005-11-18')).toBe('18 Nov 2005');
    setFormatLocale({ language: 'ja', timeZone: 'America/Los_Angeles' });
    expect(formatCalendarDate('2005-11-18')).toBe('2005年11月18日');
  });
});

describe('formatNumber', () => {
  it('groups digits', () => {
    setFormatLocale({ language: 'ja', timeZone: undefined });
    expect(formatNumber(1234567)).toBe('1,234,567');
  });
});

describe('the display time zone', () => {
  it("shows dates in the organisation's zone once set, whatever the viewer's", () => {
    setFormatLocale({ language: 'en', timeZone: 'Asia/Tokyo' });
    // A due date: the end of 18 May in Tokyo is still the 18th, though 14:59Z.
    expect(formatDate('2027-05-18T14:59:59.999Z')).toBe('18 May 2027');
    expect(formatDateTime('2027-04-27T23:30:00Z')).toBe('28 Apr 2027, 08:30');
    setFormatLocale({ language: 'en', timeZone: 'America/Los_Angeles' });
    expect(formatDate('2027-05-18T14:59:59.999Z')).toBe('18 May 2027');
    expect(formatDateTime('2027-04-27T23:30:00Z')).toBe('27 Apr 2027, 16:30');
    expect(formatDate('2027-04-28T03:00:00Z')).toBe('27 Apr 2027');
  });
});

describe('shortHash', () => {
  it('keeps short strings and shortens long ones', () => {
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash('0123456789abcdef0123')).toBe('01234567…0123');
  });
});
