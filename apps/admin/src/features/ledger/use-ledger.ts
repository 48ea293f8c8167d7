import { CreateLedgerCheckpointDocument, VerifyLedgerDocument } from '@steward/schema';
import { useMutation, useQuery } from 'urql';

/** Verification walks the whole chain on the server: run it when the page opens and on demand, never from cache. */
export function useLedgerVerification() {
  const [result, reexecute] = useQuery({ query: VerifyLedgerDocument, requestPolicy: 'network-only' });
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
