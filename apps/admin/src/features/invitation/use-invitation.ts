import { AcceptInvitationDocument, InvitationDocument } from '@steward/schema';
import { useMutation, useQuery } from 'urql';

/** What the invitation link offers (public; NOT_FOUND once used, revoked or expired). */
export function useInvitation(token: string) {
  const [result] = useQuery({ query: InvitationDocument, variables: { token }, pause: !token });
  return { invitation: result.data?.invitation ?? null, fetching: result.fetching, error: result.error };
}

export function useAcceptInvitation() {
  const [state, execute] = useMutation(AcceptInvitationDocument);
  return {
    accept: (token: string, password: string) => execute({ input: { token, password } }),
    fetching: state.fetching,
  };
}
