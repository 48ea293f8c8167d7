import { ProvidersDocument, type ProviderFilter, type ProvidersQueryVariables } from '@steward/schema';
import { useQuery } from 'urql';

export const PROVIDERS_PAGE_SIZE = 25;

export function useProviders(filter: ProviderFilter | null, after: string | null) {
  const variables: ProvidersQueryVariables = { first: PROVIDERS_PAGE_SIZE, after, ...(filter ? { filter } : {}) };
  const [result, reexecute] = useQuery({ query: ProvidersDocument, variables });
  const connection = result.data?.providers;
  return {
    providers: connection?.edges.map((edge) => edge.node) ?? [],
    pageInfo: connection?.pageInfo ?? null,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
