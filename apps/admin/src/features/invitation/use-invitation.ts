import { AcceptInvitationDocument, InvitationDocument, OrganisationTimeZoneDocument } from '@steward/schema';
import { useMutation, useQuery } from 'urql';

/** What the invitation link offers (public; NOT_FOUND once used, revoked or expired). */
export function useInvitation(token: string) {
  const [result] = useQuery({ query: InvitationDocument, variables: { token }, pause: !token });
  return { invitation: result.data?.invitation ?? null, fetching: result.fetching, error: result.error };
}

/**
 * The organisation's time zone (public), to give the expiry in it before anyone signs in; `ready` once
 * answered or refused (then the browser's zone, and the page names no zone it does not know).
 */
export function usePublicTimeZone(): { timeZone: string | undefined; ready: boolean } {
  const [result] = useQuery({ query: OrganisationTimeZoneDocument });
  return { timeZone: result.data?.organisation.timeZone, ready: Boolean(result.data || result.error) };
}

export function useAcceptInvitation() {
  const [state, execute] = useMutation(AcceptInvitationDocument);
  return {
    accept: (token: string, password: string) => execute({ input: { token, password } }),
    fetching: state.fetching,
  };
}
