import { RecordConsentDocument, type RecordConsentInput } from '@steward/schema';
import { useMutation } from 'urql';

export function useRecordConsent() {
  const [state, execute] = useMutation(RecordConsentDocument);
  return { recordConsent: (input: RecordConsentInput) => execute({ input }), fetching: state.fetching };
}
