import { MeDocument } from '@steward/schema';
import { useQuery } from 'urql';

// `me` is null while signed out, and a null result names no type the document cache could
// invalidate; listing AdminUser makes login/logout results refresh it. The app also swaps the
// client on login and logout, so this is belt and braces.
const context = { additionalTypenames: ['AdminUser'] };

export function useMe() {
  const [result, reexecute] = useQuery({ query: MeDocument, context });
  return {
    user: result.data?.me ?? null,
    fetching: result.fetching || (!result.data && !result.error),
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
