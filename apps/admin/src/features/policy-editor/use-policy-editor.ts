import {
  CreatePolicyDraftDocument,
  DiscardPolicyDraftDocument,
  PolicyDiffDocument,
  PolicyEditorDocument,
  PolicyImpactDocument,
  PolicyImpactProvidersDocument,
  PublishPolicyVersionDocument,
  UpdatePolicyDraftDocument,
  type UpdatePolicyDraftInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';
import { listTotal } from '../../components/connection-page.js';

export function usePolicyEditor() {
  const [result, reexecute] = useQuery({ query: PolicyEditorDocument, requestPolicy: 'cache-and-network' });
  return {
    current: result.data?.currentPolicy ?? null,
    draft: result.data?.policyDraft ?? null,
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function usePolicyDiff(id: string, pause: boolean) {
  const [result, reexecute] = useQuery({
    query: PolicyDiffDocument,
    variables: { id },
    pause,
    requestPolicy: 'network-only',
  });
  return {
    diff: result.data?.policyDiff ?? null,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function usePolicyImpact(id: string, pause: boolean) {
  const [result, reexecute] = useQuery({
    query: PolicyImpactDocument,
    variables: { id },
    pause,
    requestPolicy: 'network-only',
  });
  return {
    impact: result.data?.policyImpact ?? null,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export const IMPACT_PROVIDERS_PAGE_SIZE = 20;

export function useImpactProviders(id: string, purposeKey: string | null, after: string | null) {
  const [result] = useQuery({
    query: PolicyImpactProvidersDocument,
    variables: { id, purposeKey: purposeKey ?? '', first: IMPACT_PROVIDERS_PAGE_SIZE, after },
    pause: purposeKey === null,
    requestPolicy: 'network-only',
  });
  const page = result.data?.policyImpactProviders;
  return {
    providers: page?.edges.map((e) => e.node) ?? [],
    pageInfo: page?.pageInfo ?? null,
    total: listTotal(page),
    loaded: page !== undefined,
    fetching: result.fetching,
    error: result.error,
  };
}

export function usePolicyDraftMutations() {
  const [createState, create] = useMutation(CreatePolicyDraftDocument);
  const [updateState, update] = useMutation(UpdatePolicyDraftDocument);
  const [discardState, discard] = useMutation(DiscardPolicyDraftDocument);
  const [publishState, publish] = useMutation(PublishPolicyVersionDocument);
  return {
    createDraft: () => create({}),
    saveDraft: (input: UpdatePolicyDraftInput) => update({ input }),
    discardDraft: (id: string, expectedVersion: number) => discard({ input: { id, expectedVersion } }),
    publish: (id: string, expectedVersion: number, confirmNumber: number) =>
      publish({ input: { id, expectedVersion, confirmNumber } }),
    fetching: createState.fetching || updateState.fetching || discardState.fetching || publishState.fetching,
  };
}
