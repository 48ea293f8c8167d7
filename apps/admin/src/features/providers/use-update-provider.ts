import { UpdateProviderDocument, type UpdateProviderInput } from '@steward/schema';
import { useMutation } from 'urql';

export function useUpdateProvider() {
  const [state, execute] = useMutation(UpdateProviderDocument);
  return { updateProvider: (input: UpdateProviderInput) => execute({ input }), fetching: state.fetching };
}
