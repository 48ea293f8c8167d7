import { CollectionFormOptionsDocument } from '@steward/schema';
import { useQuery } from 'urql';

/** The current policy version (shown to the provider) and the active purposes. */
export function useCollectionOptions() {
  const [result, reexecute] = useQuery({ query: CollectionFormOptionsDocument });
  return {
    currentPolicy: result.data?.currentPolicy ?? null,
    purposes: result.data?.purposes ?? [],
    fetching: result.fetching,
    error: result.error,
    reload: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
