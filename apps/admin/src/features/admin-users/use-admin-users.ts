import { AdminUsersDocument, CreateAdminUserDocument, type CreateAdminUserInput } from '@steward/schema';
import { useMutation, useQuery } from 'urql';

export function useAdminUsers() {
  const [result, reexecute] = useQuery({ query: AdminUsersDocument });
  return {
    users: result.data?.adminUsers ?? [],
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useCreateAdminUser() {
  const [state, execute] = useMutation(CreateAdminUserDocument);
  return { createAdminUser: (input: CreateAdminUserInput) => execute({ input }), fetching: state.fetching };
}
