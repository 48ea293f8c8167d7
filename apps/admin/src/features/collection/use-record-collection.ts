import { RecordCollectionDocument, type RecordCollectionInput } from '@steward/schema';
import { useMutation } from 'urql';

export function useRecordCollection() {
  const [state, execute] = useMutation(RecordCollectionDocument);
  return { recordCollection: (input: RecordCollectionInput) => execute({ input }), fetching: state.fetching };
}
