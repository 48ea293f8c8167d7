import { useSearchParams } from 'react-router';
import { filterFromSearchParams, filterToSearchParams } from '../features/providers/provider-filter.js';
import { ProvidersPage } from '../features/providers/ProvidersPage.js';

export function ProvidersRoute() {
  const [params, setParams] = useSearchParams();
  return (
    <ProvidersPage
      filter={filterFromSearchParams(params)}
      onFilterChange={(filter) => setParams(filterToSearchParams(filter), { replace: true })}
    />
  );
}
