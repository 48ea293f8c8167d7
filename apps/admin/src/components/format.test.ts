import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, setDisplayTimeZone, shortHash } from './format.js';

describe('formatDateTime', () => {
  it('formats in the given time zone with a 24-hour clock', () => {
    expect(formatDateTime('2025-03-31T15:30:00Z', 'Asia/Tokyo')).toBe('2025-04-01 00:30');
    expect(formatDateTime('2025-03-31T15:30:00Z', 'UTC')).toBe('2025-03-31 15:30');
  });
  it('renders missing or broken values as a dash', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('formatDate', () => {
  it('formats the calendar date of the zone', () => {
    expect(formatDate('2025-03-31T15:30:00Z', 'Asia/Tokyo')).toBe('2025-04-01');
    expect(formatDate(null)).toBe('—');
  });
});

describe('the display time zone', () => {
  it("shows dates in the organisation's zone once set, whatever the viewer's", () => {
    try {
      setDisplayTimeZone('Asia/Tokyo');
      // A due date: the end of 18 May in Tokyo is still the 18th, though 14:59Z.
      expect(formatDate('2027-05-18T14:59:59.999Z')).toBe('2027-05-18');
      expect(formatDateTime('2027-04-27T23:30:00Z')).toBe('2027-04-28 08:30');
      setDisplayTimeZone('America/Los_Angeles');
      expect(formatDate('2027-05-18T14:59:59.999Z')).toBe('2027-05-18');
      expect(formatDateTime('2027-04-27T23:30:00Z')).toBe('2027-04-27 16:30');
      expect(formatDate('2027-04-28T03:00:00Z')).toBe('2027-04-27');
    } finally {
      setDisplayTimeZone(undefined);
    }
  });
});

describe('shortHash', () => {
  it('keeps short strings and shortens long ones', () => {
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash('0123456789abcdef0123')).toBe('01234567…0123');
  });
});
