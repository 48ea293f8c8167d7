import {
  LedgerActivityDocument,
  LedgerEntriesDocument,
  RecipientsDocument,
  type LedgerEntryFilter,
} from '@steward/schema';
import { useQuery } from 'urql';
import { connectionPage } from '../../components/connection-page.js';

export const LEDGER_PAGE_SIZE = 50;

export function useLedgerEntries(filter: LedgerEntryFilter, after: string | null) {
  // The ledger grows all the time: every view asks the server.
  const [result, reexecute] = useQuery({
    query: LedgerEntriesDocument,
    variables: { first: LEDGER_PAGE_SIZE, after, filter },
    requestPolicy: 'cache-and-network',
  });
  return connectionPage(result.data?.ledgerEntries, result, reexecute);
}

export function useLedgerActivity(days: number) {
  const [result] = useQuery({ query: LedgerActivityDocument, variables: { days }, requestPolicy: 'cache-and-network' });
  return { activity: result.data?.ledgerActivity ?? null, fetching: result.fetching, error: result.error };
}

/** Recipient names for the filter and the rows (ids stay the filter's value). */
export function useRecipientNames() {
  const [result] = useQuery({ query: RecipientsDocument });
  return result.data?.recipients.map((r) => ({ id: r.id, name: r.name })) ?? [];
}
