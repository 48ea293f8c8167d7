import { DataCategoriesDocument } from '@steward/schema';
import { useQuery } from 'urql';

export function useDataCategories() {
  const [result, reexecute] = useQuery({ query: DataCategoriesDocument });
  return {
    categories: result.data?.dataCategories ?? [],
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
