import { Anchor, Badge, Button, Card, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CONSENT_STATES, PROVIDER_KINDS } from '@steward/policy-core';
import type { ConsentState, ProviderKind, ProviderListItemFragment } from '@steward/schema';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { CONSENT_STATE_LABEL, PROVIDER_KIND_LABEL } from '../../components/labels.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { useCanWrite } from '../session/session-context.js';
import { usePurposes } from '../vocabulary/use-purposes.js';
import { filterKey, toProviderFilter, type ProviderFilterState } from './provider-filter.js';
import { useProviders } from './use-providers.js';

export const SEARCH_DEBOUNCE_MS = 300;

const providerHref = (p: ProviderListItemFragment) => `/providers/${encodeURIComponent(p.id)}`;

const COLUMNS: DataColumn<ProviderListItemFragment>[] = [
  {
    id: 'reference',
    header: 'Reference',
    value: (p) => p.reference,
    cell: (p) => (
      <Anchor component={Link} to={providerHref(p)} ff="monospace" fz="sm">
        {p.reference}
      </Anchor>
    ),
  },
  {
    id: 'name',
    header: 'Name',
    value: (p) => p.displayName,
    cell: (p) =>
      p.displayName ?? (
        <Text span c="dimmed" size="sm">
          No name on file
        </Text>
      ),
  },
  {
    id: 'kind',
    header: 'Kind',
    value: (p) => PROVIDER_KIND_LABEL[p.kind],
    cell: (p) => (
      <Badge variant="light" color="gray" size="sm">
        {PROVIDER_KIND_LABEL[p.kind]}
      </Badge>
    ),
  },
  {
    id: 'updatedAt',
    header: 'Updated',
    value: (p) => p.updatedAt,
    cell: (p) => (
      <Text size="sm" c="dimmed">
        {formatDateTime(p.updatedAt)}
      </Text>
    ),
  },
];

type Props = {
  filter: ProviderFilterState;
  onFilterChange: (filter: ProviderFilterState) => void;
};

export function ProvidersPage({ filter, onFilterChange }: Props) {
  const writable = useCanWrite();

  // The search box is local so typing stays smooth; the filter (URL) follows after a pause.
  const [searchText, setSearchText] = useState(filter.search);
  const [debouncedSearch] = useDebouncedValue(searchText, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debouncedSearch.trim() !== filter.search.trim()) onFilterChange({ ...filter, search: debouncedSearch });
    // Only the debounced text drives this; the rest of the filter is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);

  const variablesFilter = toProviderFilter(filter);
  const paging = useCursorStack(filterKey(variablesFilter));
  const { providers, pageInfo, ...query } = useProviders(variablesFilter, paging.after);
  const { purposes } = usePurposes(true);

  const purposeOptions = [
    { value: '', label: 'Any purpose' },
    ...purposes.map((p) => ({ value: p.key, label: p.retired ? `${p.titleEn} (retired)` : p.titleEn })),
  ];

  return (
    <>
      <PageHeader
        title="Providers"
        description="People who gave the society personal information, and what they consented to."
        actions={
          writable && (
            <Button component={Link} to="/collections/new">
              Record collection
            </Button>
          )
        }
      />

      <Card withBorder padding="sm" radius="md" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter providers">
          <TextInput
            label="Search"
            placeholder="Reference, e-mail address or name"
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
            w={300}
            type="search"
            aria-describedby="provider-search-hint"
          />
          <NativeSelect
            label="Kind"
            value={filter.kind}
            onChange={(e) => onFilterChange({ ...filter, kind: e.currentTarget.value as ProviderKind | '' })}
            data={[
              { value: '', label: 'Any kind' },
              ...PROVIDER_KINDS.map((k) => ({ value: k, label: PROVIDER_KIND_LABEL[k] })),
            ]}
            w={180}
          />
          <NativeSelect
            label="Purpose"
            value={filter.purposeKey}
            onChange={(e) => {
              const purposeKey = e.currentTarget.value;
              onFilterChange({ ...filter, purposeKey, consentState: purposeKey ? filter.consentState : '' });
            }}
            data={purposeOptions}
            w={240}
          />
          <NativeSelect
            label="Consent state"
            value={filter.consentState}
            disabled={!filter.purposeKey}
            title={filter.purposeKey ? undefined : 'Choose a purpose first'}
            onChange={(e) => onFilterChange({ ...filter, consentState: e.currentTarget.value as ConsentState | '' })}
            data={[
              { value: '', label: 'Any state' },
              ...CONSENT_STATES.map((s) => ({ value: s, label: CONSENT_STATE_LABEL[s] })),
            ]}
            w={160}
          />
          {(variablesFilter || searchText) && (
            <Button
              variant="subtle"
              size="sm"
              onClick={() => {
                setSearchText('');
                onFilterChange({ search: '', kind: '', purposeKey: '', consentState: '' });
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>
        <Text id="provider-search-hint" size="xs" c="dimmed" mt={6}>
          Search matches a reference prefix, an exact e-mail address, or whole words of a name.
          {!filter.purposeKey && ' Choose a purpose to filter by consent state.'}
        </Text>
      </Card>

      <DataTable
        label="Providers"
        columns={COLUMNS}
        rows={providers}
        rowHref={providerHref}
        empty={variablesFilter ? 'No provider matches these filters.' : 'No providers yet.'}
        query={query}
        pagination={{ paging, pageInfo }}
        minWidth={640}
      />
    </>
  );
}
