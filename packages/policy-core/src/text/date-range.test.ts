import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateRangeIssue, isDateInRange } from './date-range.js';

describe('dateRangeIssue', () => {
  it.each([
    '1900-01-01T00:00:00Z',
    '1900-01-01T09:00:00+09:00',
    '2026-04-01T09:00:00.123Z',
    '2200-12-31T23:59:59.999Z',
  ])('accepts %s', (value) => {
    expect(dateRangeIssue('at', value)).toBeNull();
  });

  it.each([
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '1899-12-31T23:59:59.999Z',
    // Local midnight in Tokyo is still 1899 in UTC.
    '1900-01-01T08:59:59+09:00',
    '2201-01-01T00:00:00Z',
    '2200-12-31T20:00:00-05:00',
    '9999-12-31T23:59:59Z',
  ])('refuses %s with INVALID_VALUE naming the field, not the value', (value) => {
    const found = dateRangeIssue('input.collectedAt', value);
    expect(found).toMatchObject({ field: 'input.collectedAt', code: 'INVALID_VALUE' });
    expect(found?.message).toBe('A date from 1900 to 2200.');
  });

  it('leaves what is no date at all to the scalar', () => {
    expect(dateRangeIssue('at', 'yesterday')).toBeNull();
    expect(dateRangeIssue('at', '')).toBeNull();
  });

  it('agrees with isDateInRange for every instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(dateRangeIssue('at', iso) === null).toBe(isDateInRange(ms));
      }),
    );
  });
});
