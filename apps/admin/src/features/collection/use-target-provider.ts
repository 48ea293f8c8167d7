import { ProviderDocument } from '@steward/schema';
import { useQuery } from 'urql';

/** The existing provider a collection is recorded for (paused when recording for a new one). */
export function useTargetProvider(providerId: string | null) {
  const [result, reexecute] = useQuery({
    query: ProviderDocument,
    variables: { id: providerId ?? '' },
    pause: !providerId,
  });
  return {
    provider: providerId ? (result.data?.provider ?? null) : null,
    fetching: Boolean(providerId) && (result.fetching || (!result.data && !result.error)),
    error: result.error,
    reload: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
