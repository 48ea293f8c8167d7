import { CreateLedgerCheckpointDocument, VerifyLedgerDocument, type LedgerAnchorInput } from '@steward/schema';
import { useMutation, useQuery } from 'urql';

/**
 * Verification walks the whole chain on the server: run it when asked (on opening the ledger page,
 * on demand elsewhere: `pause`), never from cache. A changed anchor verifies again.
 */
export function useLedgerVerification(anchor: LedgerAnchorInput | null = null, opts: { pause?: boolean } = {}) {
  const [result, reexecute] = useQuery({
    query: VerifyLedgerDocument,
    variables: { anchor },
    requestPolicy: 'network-only',
    pause: opts.pause ?? false,
  });
  return {
    verification: result.data?.verifyLedger ?? null,
    fetching: result.fetching,
    error: result.error,
    verifyAgain: () => reexecute({ requestPolicy: 'network-only' }),
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
