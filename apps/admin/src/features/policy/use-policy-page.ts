import { PolicyPageDocument } from '@steward/schema';
import { useQuery } from 'urql';

export function usePolicyPage() {
  const [result, reexecute] = useQuery({ query: PolicyPageDocument });
  return {
    organisation: result.data?.organisation ?? null,
    policy: result.data?.currentPolicy ?? null,
    versions: result.data?.policyVersions ?? [],
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
