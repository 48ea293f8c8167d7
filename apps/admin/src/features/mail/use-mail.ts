import {
  MailOutboxDocument,
  MyMailPreferencesDocument,
  SetMyMailPreferenceDocument,
  type MailKind,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';
import { listTotal } from '../../components/connection-page.js';

export const OUTBOX_PAGE_SIZE = 50;

/** A page of the outbox, newest first, and how mail is sent (owners). */
export function useMailOutbox(after: string | null = null) {
  const [result, reexecute] = useQuery({
    query: MailOutboxDocument,
    variables: { first: OUTBOX_PAGE_SIZE, after },
    requestPolicy: 'network-only',
  });
  return {
    mails: result.data?.mailOutbox.edges.map((e) => e.node) ?? [],
    delivery: result.data?.mailDelivery ?? null,
    pageInfo: result.data?.mailOutbox.pageInfo ?? null,
    total: listTotal(result.data?.mailOutbox),
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** Which notification mails the signed-in member gets, and the switch for one kind. */
export function useMailPreferences() {
  const [result] = useQuery({ query: MyMailPreferencesDocument });
  const [state, execute] = useMutation(SetMyMailPreferenceDocument);
  return {
    preferences: state.data?.setMyMailPreference ?? result.data?.myMailPreferences ?? [],
    error: state.error ?? result.error,
    fetching: state.fetching,
    set: (kind: MailKind, enabled: boolean) => execute({ input: { kind, enabled } }),
  };
}
