import { LoginDocument, type LoginInput } from '@steward/schema';
import { useMutation } from 'urql';

export function useLogin() {
  const [state, execute] = useMutation(LoginDocument);
  return {
    login: (input: LoginInput) => execute({ input }),
    fetching: state.fetching,
    error: state.error,
  };
}
