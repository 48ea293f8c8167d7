import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  LoadingOverlay,
  NativeSelect,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CONSENT_STATES, PROVIDER_KINDS } from '@steward/policy-core';
import type { ConsentState, ProviderKind } from '@steward/schema';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CursorPagination } from '../../components/CursorPagination.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { CONSENT_STATE_LABEL, PROVIDER_KIND_LABEL } from '../../components/labels.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { useCanWrite } from '../session/session-context.js';
import { usePurposes } from '../vocabulary/use-purposes.js';
import { filterKey, toProviderFilter, type ProviderFilterState } from './provider-filter.js';
import { useProviders } from './use-providers.js';
import { EmptyTableRow } from '../../components/EmptyTableRow.js';

export const SEARCH_DEBOUNCE_MS = 300;

type Props = {
  filter: ProviderFilterState;
  onFilterChange: (filter: ProviderFilterState) => void;
};

export function ProvidersPage({ filter, onFilterChange }: Props) {
  const writable = useCanWrite();
  const navigate = useNavigate();

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
  const { providers, pageInfo, fetching, error, refetch } = useProviders(variablesFilter, paging.after);
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

      <ErrorAlert error={error} onRetry={refetch} />

      <Card withBorder padding={0} radius="md" pos="relative">
        <LoadingOverlay visible={fetching} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover striped={false} aria-label="Providers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Reference</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {providers.map((p) => (
                <Table.Tr
                  key={p.id}
                  style={{ cursor: 'pointer' }}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('a')) return;
                    void navigate(`/providers/${encodeURIComponent(p.id)}`);
                  }}
                >
                  <Table.Td>
                    <Anchor component={Link} to={`/providers/${encodeURIComponent(p.id)}`} ff="monospace" fz="sm">
                      {p.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {p.displayName ?? (
                      <Text span c="dimmed" size="sm">
                        No name on file
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" size="sm">
                      {PROVIDER_KIND_LABEL[p.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {formatDateTime(p.updatedAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
              {!fetching && !error && providers.length === 0 && (
                <EmptyTableRow colSpan={4}>
                  {variablesFilter ? 'No provider matches these filters.' : 'No providers yet.'}
                </EmptyTableRow>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <CursorPagination
        label="Providers"
        page={paging.page}
        hasPrevious={paging.hasPrevious}
        hasNext={Boolean(pageInfo?.hasNextPage && pageInfo.endCursor)}
        onPrevious={paging.previous}
        onNext={() => paging.next(pageInfo?.endCursor)}
        loading={fetching}
      />
    </>
  );
}
