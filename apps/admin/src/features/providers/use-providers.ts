import {
  ProvidersDocument,
  type ProviderFilter,
  type ProviderSortField,
  type ProvidersQueryVariables,
} from '@steward/schema';
import { useQuery } from 'urql';
import { listTotal } from '../../components/connection-page.js';
import type { TableSort } from '../../components/DataTable.js';

export const PROVIDERS_PAGE_SIZE = 25;

/** Newest first until a column is sorted. */
export const PROVIDERS_DEFAULT_SORT: TableSort = { field: 'CREATED', direction: 'DESC' };

export function useProviders(filter: ProviderFilter | null, after: string | null, sort = PROVIDERS_DEFAULT_SORT) {
  const variables: ProvidersQueryVariables = {
    first: PROVIDERS_PAGE_SIZE,
    after,
    ...(filter ? { filter } : {}),
    sort: { field: sort.field as ProviderSortField, direction: sort.direction },
  };
  const [result, reexecute] = useQuery({ query: ProvidersDocument, variables });
  const connection = result.data?.providers;
  return {
    providers: connection?.edges.map((edge) => edge.node) ?? [],
    pageInfo: connection?.pageInfo ?? null,
    total: listTotal(connection),
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
