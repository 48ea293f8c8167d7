import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, shortHash } from './format.js';

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

describe('shortHash', () => {
  it('keeps short strings and shortens long ones', () => {
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash('0123456789abcdef0123')).toBe('01234567…0123');
  });
});
