import { WorkQueueDocument } from '@steward/schema';
import { useQuery } from 'urql';

/** The home page of work: what waits for the signed-in member, as counts (sections they may not see are null). */
export function useWorkQueue() {
  const [result, reexecute] = useQuery({ query: WorkQueueDocument, requestPolicy: 'cache-and-network' });
  return {
    queue: result.data?.workQueue ?? null,
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
