import { DecisionDocument, ProvidersDocument, type DecisionQuery, type DecisionRequestInput } from '@steward/schema';
import { useState } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';

export type DecisionResult = DecisionQuery['decision'];

/** Asks for one decision on demand (each answer is recorded in the ledger, so never cached). */
export function useDecision() {
  const client = useClient();
  const [fetching, setFetching] = useState(false);
  async function decide(
    input: DecisionRequestInput,
  ): Promise<{ decision: DecisionResult | null; error: CombinedError | null }> {
    setFetching(true);
    try {
      const result = await client.query(DecisionDocument, { input }, { requestPolicy: 'network-only' }).toPromise();
      return { decision: result.data?.decision ?? null, error: result.error ?? null };
    } finally {
      setFetching(false);
    }
  }
  return { decide, fetching };
}

export function useProviderSearch(search: string) {
  const term = search.trim();
  const [result] = useQuery({
    query: ProvidersDocument,
    variables: { first: 10, filter: { search: term } },
    pause: term.length < 2,
  });
  return {
    providers: term.length < 2 ? [] : (result.data?.providers.edges.map((e) => e.node) ?? []),
    fetching: result.fetching,
    error: result.error,
  };
}
