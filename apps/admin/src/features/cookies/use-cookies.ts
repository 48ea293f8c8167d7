import {
  CookieCategoriesDocument,
  CookieConsentHistoryDocument,
  CookieConsentStatsDocument,
  CookieSiteDocument,
  CookieSitesDocument,
  CreateCookieDeclarationDocument,
  CreateCookieSiteDocument,
  DeleteCookieDeclarationDocument,
  UpdateCookieCategoryDocument,
  UpdateCookieDeclarationDocument,
  UpdateCookieSiteDocument,
  type CookieDeclarationInput,
  type CookieSiteInput,
  type UpdateCookieCategoryInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';

export function useCookieSites() {
  const [result, reexecute] = useQuery({ query: CookieSitesDocument, requestPolicy: 'cache-and-network' });
  return {
    sites: result.data?.cookieSites ?? [],
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useCookieSite(id: string) {
  const [result, reexecute] = useQuery({
    query: CookieSiteDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  return {
    site: result.data?.cookieSite ?? null,
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useCookieCategories() {
  const [result, reexecute] = useQuery({ query: CookieCategoriesDocument, requestPolicy: 'cache-and-network' });
  return {
    categories: result.data?.cookieCategories ?? [],
    loaded: result.data !== undefined,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useCookieStats(siteId: string, days: number) {
  const [result, reexecute] = useQuery({
    query: CookieConsentStatsDocument,
    variables: { siteId, days },
    requestPolicy: 'cache-and-network',
  });
  return {
    stats: result.data?.cookieConsentStats ?? null,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** Runs only when a visitor id is given (the lookup is audited, so never speculatively). */
export function useCookieHistory(visitorId: string | null) {
  const [result] = useQuery({
    query: CookieConsentHistoryDocument,
    variables: { visitorId: visitorId ?? '' },
    pause: !visitorId,
    requestPolicy: 'network-only',
  });
  return { history: result.data?.cookieConsentHistory ?? null, fetching: result.fetching, error: result.error };
}

export function useUpdateCookieCategory() {
  const [state, execute] = useMutation(UpdateCookieCategoryDocument);
  return { updateCategory: (input: UpdateCookieCategoryInput) => execute({ input }), fetching: state.fetching };
}

export function useSaveCookieSite() {
  const [created, create] = useMutation(CreateCookieSiteDocument);
  const [updated, update] = useMutation(UpdateCookieSiteDocument);
  return {
    createSite: (input: CookieSiteInput) => create({ input }),
    updateSite: (id: string, input: CookieSiteInput) => update({ input: { ...input, id } }),
    fetching: created.fetching || updated.fetching,
  };
}

export function useCookieDeclarations() {
  const [created, create] = useMutation(CreateCookieDeclarationDocument);
  const [updated, update] = useMutation(UpdateCookieDeclarationDocument);
  const [, remove] = useMutation(DeleteCookieDeclarationDocument);
  return {
    createDeclaration: (input: CookieDeclarationInput) => create({ input }),
    updateDeclaration: (id: string, input: CookieDeclarationInput) => update({ input: { ...input, id } }),
    deleteDeclaration: (id: string) => remove({ input: { id } }),
    fetching: created.fetching || updated.fetching,
  };
}
