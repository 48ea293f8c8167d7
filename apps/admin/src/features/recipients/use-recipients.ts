import {
  CreateRecipientDocument,
  IssuePartnerKeyDocument,
  RecipientDocument,
  RecipientsDocument,
  RevokePartnerKeyDocument,
  type CreateRecipientInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';

export function useRecipients() {
  const [result, reexecute] = useQuery({ query: RecipientsDocument, requestPolicy: 'cache-and-network' });
  return {
    recipients: result.data?.recipients ?? [],
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useRecipient(id: string) {
  const [result, reexecute] = useQuery({
    query: RecipientDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  return {
    recipient: result.data?.recipient ?? null,
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useCreateRecipient() {
  const [state, execute] = useMutation(CreateRecipientDocument);
  return { createRecipient: (input: CreateRecipientInput) => execute({ input }), fetching: state.fetching };
}

export function useIssuePartnerKey() {
  const [state, execute] = useMutation(IssuePartnerKeyDocument);
  return {
    issueKey: (recipientId: string, label: string) => execute({ input: { recipientId, label } }),
    fetching: state.fetching,
  };
}

export function useRevokePartnerKey() {
  const [state, execute] = useMutation(RevokePartnerKeyDocument);
  return { revokeKey: (id: string) => execute({ input: { id } }), fetching: state.fetching };
}
