import { PurposesDocument } from '@steward/schema';
import { useQuery } from 'urql';

export function usePurposes(includeRetired = false) {
  const [result, reexecute] = useQuery({ query: PurposesDocument, variables: { includeRetired } });
  return {
    purposes: result.data?.purposes ?? [],
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
