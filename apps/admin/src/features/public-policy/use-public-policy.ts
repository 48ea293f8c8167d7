import {
  PublicPolicyDocument,
  SubmitInquiryDocument,
  type PolicyLanguage,
  type SubmitInquiryInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';

export function usePublicPolicy(language: PolicyLanguage) {
  const [result, reexecute] = useQuery({
    query: PublicPolicyDocument,
    variables: { language },
    requestPolicy: 'cache-and-network',
  });
  return {
    policy: result.data?.publicPolicy ?? null,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useSubmitInquiry() {
  const [state, execute] = useMutation(SubmitInquiryDocument);
  return { submit: (input: SubmitInquiryInput) => execute({ input }), fetching: state.fetching };
}
