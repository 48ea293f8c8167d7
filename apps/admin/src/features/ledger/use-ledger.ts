import {
  CreateLedgerCheckpointDocument,
  LedgerStatusDocument,
  VerifyLedgerDocument,
  type LedgerAnchorInput,
} from '@steward/schema';
import { useCallback } from 'react';
import { useMutation, useQuery } from 'urql';
import { useRefreshWhile } from '../../components/use-refresh-while.js';

/** How often the ledger's status refreshes while a verification is queued or running. */
export const LEDGER_REFRESH_MS = 2000;

/**
 * The ledger without walking it: head, newest checkpoint, the last verification job's result and
 * the one running now (refreshed every LEDGER_REFRESH_MS while there is one, for its progress).
 */
export function useLedgerStatus() {
  const [result, reexecute] = useQuery({ query: LedgerStatusDocument, requestPolicy: 'network-only' });
  const status = result.data?.ledgerStatus ?? null;
  const running = status?.runningVerification ?? null;
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRefreshWhile(running !== null, refresh, LEDGER_REFRESH_MS);
  return {
    status,
    fetching: result.fetching,
    error: result.error,
    refetch: refresh,
  };
}

/**
 * A verification against an anchor someone entered: it walks the whole chain on the server, so it
 * runs only once an anchor is given (never on opening a page), and never from cache.
 */
export function useAnchorVerification(anchor: LedgerAnchorInput | null) {
  const [result] = useQuery({
    query: VerifyLedgerDocument,
    variables: { anchor },
    requestPolicy: 'network-only',
    pause: anchor === null,
  });
  return {
    verification: anchor ? (result.data?.verifyLedger ?? null) : null,
    fetching: result.fetching,
    error: result.error,
  };
}

export function useCreateCheckpoint() {
  const [result, execute] = useMutation(CreateLedgerCheckpointDocument);
  return {
    createCheckpoint: () => execute({}),
    creating: result.fetching,
    error: result.error,
    checkpoint: result.data?.createLedgerCheckpoint ?? null,
  };
}
