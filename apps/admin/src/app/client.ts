import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';

export type StewardClientOptions = {
  /** Defaults to `/graphql` (same origin; the dev server proxies it to the API). */
  url?: string;
  /** Called once per failed operation whose error says the session is missing or expired. */
  onUnauthenticated?: () => void;
  /**
   * Called once per failed operation refused because the session must first change its password or
   * enrol a second factor (FORBIDDEN with `extensions.restriction`, e.g. an owner reset it meanwhile).
   */
  onRestricted?: () => void;
  /** For tests: a stub fetch that answers like the API. */
  fetch?: typeof fetch;
};

export function isRestricted(error: CombinedError | undefined): boolean {
  return Boolean(error?.graphQLErrors.some((e) => typeof e.extensions?.['restriction'] === 'string'));
}

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return Boolean(error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED'));
}

/**
 * The one urql client of the dashboard. POST only (Apollo's CSRF prevention refuses simple GETs),
 * the session cookie travels with same-origin requests.
 */
export function createStewardClient(options: StewardClientOptions = {}): Client {
  const { url = '/graphql', onUnauthenticated, onRestricted } = options;
  return new Client({
    url,
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (onUnauthenticated && isUnauthenticated(error)) onUnauthenticated();
          else if (onRestricted && isRestricted(error)) onRestricted();
        },
      }),
      fetchExchange,
    ],
  });
}
