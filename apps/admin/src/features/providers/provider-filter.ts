import { CONSENT_STATES, PROVIDER_KINDS } from '@steward/policy-core';
import type { ConsentState, ProviderFilter, ProviderKind } from '@steward/schema';

/** The list's filter as the admin set it (and as it is kept in the URL). */
export type ProviderFilterState = {
  search: string;
  kind: ProviderKind | '';
  purposeKey: string;
  consentState: ConsentState | '';
};

export const EMPTY_PROVIDER_FILTER: ProviderFilterState = { search: '', kind: '', purposeKey: '', consentState: '' };

const isKind = (v: string | null): v is ProviderKind => (PROVIDER_KINDS as readonly string[]).includes(v ?? '');
const isState = (v: string | null): v is ConsentState => (CONSENT_STATES as readonly string[]).includes(v ?? '');

/** Reads `?q=&kind=&purpose=&consent=`; unknown values are ignored, consent needs a purpose. */
export function filterFromSearchParams(params: URLSearchParams): ProviderFilterState {
  const kind = params.get('kind');
  const purposeKey = params.get('purpose')?.trim() ?? '';
  const consent = params.get('consent');
  return {
    search: params.get('q') ?? '',
    kind: isKind(kind) ? kind : '',
    purposeKey,
    consentState: purposeKey && isState(consent) ? consent : '',
  };
}

export function filterToSearchParams(state: ProviderFilterState): URLSearchParams {
  const params = new URLSearchParams();
  const search = state.search.trim();
  if (search) params.set('q', search);
  if (state.kind) params.set('kind', state.kind);
  if (state.purposeKey) {
    params.set('purpose', state.purposeKey);
    if (state.consentState) params.set('consent', state.consentState);
  }
  return params;
}

/**
 * The `filter` variable for `providers`: empty parts omitted, consent state only together with
 * a purpose (the API requires it), null when nothing filters.
 */
export function toProviderFilter(state: ProviderFilterState): ProviderFilter | null {
  const filter: ProviderFilter = {};
  const search = state.search.trim();
  if (search) filter.search = search;
  if (state.kind) filter.kind = state.kind;
  if (state.purposeKey) {
    filter.purposeKey = state.purposeKey;
    if (state.consentState) filter.consentState = state.consentState;
  }
  return Object.keys(filter).length > 0 ? filter : null;
}

/** A stable key for "the same filter" (resets the cursor stack when it changes). */
export function filterKey(filter: ProviderFilter | null): string {
  if (!filter) return '';
  return [filter.search ?? '', filter.kind ?? '', filter.purposeKey ?? '', filter.consentState ?? ''].join('\u0000');
}
