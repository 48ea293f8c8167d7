import { LedgerTreeHeadsDocument } from '@steward/schema';
import { useQuery } from 'urql';
import { connectionPage } from '../../components/connection-page.js';

export const TREE_HEADS_PAGE_SIZE = 25;

/** A page of the ledger's signed tree heads, newest (largest) first; new heads arrive all the time: every view asks the server. */
export function useTreeHeads(after: string | null) {
  const [result, reexecute] = useQuery({
    query: LedgerTreeHeadsDocument,
    variables: { first: TREE_HEADS_PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  return connectionPage(result.data?.ledgerTreeHeads, result, reexecute);
}
