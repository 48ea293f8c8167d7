import { describe, expect, it } from 'vitest';
import {
  EMPTY_PROVIDER_FILTER,
  filterFromSearchParams,
  filterKey,
  filterToSearchParams,
  toProviderFilter,
} from './provider-filter.js';

describe('toProviderFilter', () => {
  it('is null when nothing filters', () => {
    expect(toProviderFilter(EMPTY_PROVIDER_FILTER)).toBeNull();
    expect(toProviderFilter({ ...EMPTY_PROVIDER_FILTER, search: '   ' })).toBeNull();
  });

  it('trims the search and keeps set parts only', () => {
    expect(toProviderFilter({ ...EMPTY_PROVIDER_FILTER, search: ' tanaka ', kind: 'BUSINESS_USER' })).toEqual({
      search: 'tanaka',
      kind: 'BUSINESS_USER',
    });
  });

  it('sends a consent state only together with a purpose', () => {
    expect(toProviderFilter({ ...EMPTY_PROVIDER_FILTER, consentState: 'GRANTED' })).toBeNull();
    expect(
      toProviderFilter({ ...EMPTY_PROVIDER_FILTER, purposeKey: 'journal-delivery', consentState: 'WITHDRAWN' }),
    ).toEqual({ purposeKey: 'journal-delivery', consentState: 'WITHDRAWN' });
  });
});

describe('URL round trip', () => {
  it('reads what it wrote', () => {
    const state = {
      search: 'R-0001',
      kind: 'SERVICE_USER' as const,
      purposeKey: 'events',
      consentState: 'REFUSED' as const,
    };
    expect(filterFromSearchParams(filterToSearchParams(state))).toEqual(state);
  });

  it('ignores unknown enum values and a consent state without purpose', () => {
    expect(filterFromSearchParams(new URLSearchParams('kind=ALIEN&consent=GRANTED'))).toEqual(EMPTY_PROVIDER_FILTER);
    expect(filterFromSearchParams(new URLSearchParams('purpose=x&consent=MAYBE')).consentState).toBe('');
  });

  it('omits empty parameters', () => {
    expect(filterToSearchParams({ ...EMPTY_PROVIDER_FILTER, consentState: 'GRANTED' }).toString()).toBe('');
  });
});

describe('filterKey', () => {
  it('differs when any part differs and is empty without a filter', () => {
    expect(filterKey(null)).toBe('');
    expect(filterKey({ search: 'a' })).not.toBe(filterKey({ kind: 'BUSINESS_USER' }));
    expect(filterKey({ search: 'a', kind: 'BUSINESS_USER' })).toBe(filterKey({ kind: 'BUSINESS_USER', search: 'a' }));
  });
});
