import { LogoutDocument } from '@steward/schema';
import { useMutation } from 'urql';

export function useLogout() {
  const [state, execute] = useMutation(LogoutDocument);
  return { logout: () => execute({}), fetching: state.fetching };
}
