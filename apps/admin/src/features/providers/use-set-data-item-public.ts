import { SetDataItemPublicDocument, type SetDataItemPublicInput } from '@steward/schema';
import { useMutation } from 'urql';

export function useSetDataItemPublic() {
  const [state, execute] = useMutation(SetDataItemPublicDocument);
  return {
    setDataItemPublic: (input: SetDataItemPublicInput) => execute({ input }),
    fetching: state.fetching,
  };
}
