import {
  ApplyAmendmentDocument,
  ApplyCessationDocument,
  ChangeRequestStatusDocument,
  CreateProviderRequestDocument,
  LinkRequestProviderDocument,
  ProduceDisclosurePackageDocument,
  ProviderRequestDocument,
  ProviderRequestsDocument,
  ProviderRightsDocument,
  VerifyRequestIdentityDocument,
  type ApplyAmendmentInput,
  type ApplyCessationInput,
  type ChangeRequestStatusInput,
  type CreateProviderRequestInput,
  type ProviderRequestFilter,
  type ProviderRequestQuery,
  type ProviderRequestSortField,
  type VerifyRequestIdentityInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';
import { listTotal } from '../../components/connection-page.js';
import type { TableSort } from '../../components/DataTable.js';

/** Ledger entries fetched as typed objects with a package; the rest are read from its JSON on demand. */
export const LEDGER_PREVIEW = 200;

/** Requests per page of the list. */
export const REQUESTS_PAGE_SIZE = 50;

/** One page of requests under a filter and a sort (RECEIVED or DUE), after a cursor of that same sort. */
export function useProviderRequests(filter: ProviderRequestFilter, sort: TableSort, after: string | null) {
  const [result, reexecute] = useQuery({
    query: ProviderRequestsDocument,
    variables: {
      first: REQUESTS_PAGE_SIZE,
      after,
      filter,
      sort: { field: sort.field as ProviderRequestSortField, direction: sort.direction },
    },
    requestPolicy: 'cache-and-network',
  });
  return {
    requests: result.data?.providerRequests.edges.map((e) => e.node) ?? [],
    pageInfo: result.data?.providerRequests.pageInfo ?? null,
    total: listTotal(result.data?.providerRequests),
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** One request as its page shows it. */
export type ProviderRequest = NonNullable<ProviderRequestQuery['providerRequest']>;

export function useProviderRequest(id: string) {
  const [result, reexecute] = useQuery({
    query: ProviderRequestDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
    pause: id === '',
  });
  return {
    request: result.data?.providerRequest ?? null,
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useProviderRights(providerId: string) {
  const [result, reexecute] = useQuery({
    query: ProviderRightsDocument,
    variables: { providerId },
    requestPolicy: 'cache-and-network',
  });
  return {
    amendments: result.data?.providerAmendments ?? [],
    cessations: result.data?.providerCessations ?? [],
    loaded: result.data !== undefined,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useCreateProviderRequest() {
  const [state, execute] = useMutation(CreateProviderRequestDocument);
  return { create: (input: CreateProviderRequestInput) => execute({ input }), fetching: state.fetching };
}

export function useLinkRequestProvider() {
  const [state, execute] = useMutation(LinkRequestProviderDocument);
  return {
    link: (requestId: string, providerId: string, expectedVersion: number) =>
      execute({ input: { requestId, providerId, expectedVersion } }),
    fetching: state.fetching,
  };
}

export function useVerifyRequestIdentity() {
  const [state, execute] = useMutation(VerifyRequestIdentityDocument);
  return { verify: (input: VerifyRequestIdentityInput) => execute({ input }), fetching: state.fetching };
}

export function useChangeRequestStatus() {
  const [state, execute] = useMutation(ChangeRequestStatusDocument);
  return { changeStatus: (input: ChangeRequestStatusInput) => execute({ input }), fetching: state.fetching };
}

export function useProduceDisclosurePackage() {
  const [state, execute] = useMutation(ProduceDisclosurePackageDocument);
  // The typed ledger is a preview; every entry is in the canonical JSON (see DisclosurePackageView).
  return {
    produce: (requestId: string) => execute({ input: { requestId }, ledgerFirst: LEDGER_PREVIEW }),
    pkg: state.data?.produceDisclosurePackage ?? null,
    error: state.error,
    fetching: state.fetching,
  };
}

export function useApplyAmendment() {
  const [state, execute] = useMutation(ApplyAmendmentDocument);
  return { apply: (input: ApplyAmendmentInput) => execute({ input }), fetching: state.fetching };
}

export function useApplyCessation() {
  const [state, execute] = useMutation(ApplyCessationDocument);
  return { apply: (input: ApplyCessationInput) => execute({ input }), fetching: state.fetching };
}
