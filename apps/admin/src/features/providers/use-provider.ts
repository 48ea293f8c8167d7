import { ProviderDocument, type ProviderQuery } from '@steward/schema';
import { useQuery } from 'urql';

export type ProviderDetail = ProviderQuery['provider'];

export function useProvider(id: string) {
  const [result, reexecute] = useQuery({ query: ProviderDocument, variables: { id } });
  return {
    provider: result.data?.provider ?? null,
    fetching: result.fetching,
    error: result.error,
    /** Fetch again from the API (after a CONFLICT, to pick up the new version). */
    reload: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
