import {
  IssueSystemKeyDocument,
  RevokeSystemKeyDocument,
  SystemCredentialsDocument,
  type IssueSystemKeyInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';

export function useSystemCredentials() {
  const [result, reexecute] = useQuery({ query: SystemCredentialsDocument, requestPolicy: 'cache-and-network' });
  return {
    credentials: result.data?.systemCredentials ?? [],
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useIssueSystemKey() {
  const [state, execute] = useMutation(IssueSystemKeyDocument);
  return { issueKey: (input: IssueSystemKeyInput) => execute({ input }), fetching: state.fetching };
}

export function useRevokeSystemKey() {
  const [state, execute] = useMutation(RevokeSystemKeyDocument);
  return { revokeKey: (id: string) => execute({ input: { id } }), fetching: state.fetching };
}
