import { Anchor, Badge, Button, Card, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CONSENT_STATES, PROVIDER_KINDS } from '@steward/policy-core';
import type { ConsentState, ProviderKind, ProviderListItemFragment } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn, type TableSort } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { CONSENT_STATE_LABEL, PROVIDER_KIND_LABEL } from '../../components/labels.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { useLocale } from '../../i18n/locale.js';
import { useCanWrite } from '../session/session-context.js';
import { ExportButton } from '../exports/ExportButton.js';
import { purposeTitle } from '../vocabulary/localized-title.js';
import { usePurposes } from '../vocabulary/use-purposes.js';
import { filterKey, toProviderFilter, type ProviderFilterState } from './provider-filter.js';
import { PROVIDERS_DEFAULT_SORT, PROVIDERS_PAGE_SIZE, useProviders } from './use-providers.js';

export const SEARCH_DEBOUNCE_MS = 300;

const providerHref = (p: ProviderListItemFragment) => `/providers/${encodeURIComponent(p.id)}`;

const columns = (t: TFunction): DataColumn<ProviderListItemFragment>[] => [
  {
    id: 'reference',
    header: t('list.columns.reference'),
    value: (p) => p.reference,
    sortField: 'REFERENCE',
    cell: (p) => (
      <Anchor component={Link} to={providerHref(p)} ff="monospace" fz="sm">
        {p.reference}
      </Anchor>
    ),
  },
  {
    id: 'name',
    header: t('list.columns.name'),
    value: (p) => p.displayName,
    cell: (p) =>
      p.displayName ?? (
        <Text span c="dimmed" size="sm">
          {t('noName')}
        </Text>
      ),
  },
  {
    id: 'kind',
    header: t('list.columns.kind'),
    value: (p) => PROVIDER_KIND_LABEL[p.kind],
    cell: (p) => (
      <Badge variant="light" color="gray" size="sm">
        {PROVIDER_KIND_LABEL[p.kind]}
      </Badge>
    ),
  },
  {
    id: 'updatedAt',
    header: t('list.columns.updated'),
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
  const { t } = useTranslation('providers');
  const { language } = useLocale();
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
  const [sort, setSort] = useState<TableSort>(PROVIDERS_DEFAULT_SORT);
  const paging = useCursorStack(filterKey(variablesFilter) + JSON.stringify(sort));
  const { providers, pageInfo, total, ...query } = useProviders(variablesFilter, paging.after, sort);
  const { purposes } = usePurposes(true);

  const purposeOptions = [
    { value: '', label: t('list.anyPurpose') },
    ...purposes.map((p) => {
      const title = purposeTitle(p, language);
      return { value: p.key, label: p.retired ? t('list.retired', { title }) : title };
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportButton input={{ list: 'PROVIDERS', providers: variablesFilter }} />
            {writable && (
              <Button component={Link} to="/collections/new">
                {t('recordCollection')}
              </Button>
            )}
          </>
        }
      />

      <Card withBorder padding="sm" radius="md" mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('list.filters')}>
          <TextInput
            label={t('common:actions.search')}
            placeholder={t('list.searchPlaceholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.currentTarget.value)}
            w={300}
            type="search"
            aria-describedby="provider-search-hint"
          />
          <NativeSelect
            label={t('fields.kind')}
            value={filter.kind}
            onChange={(e) => onFilterChange({ ...filter, kind: e.currentTarget.value as ProviderKind | '' })}
            data={[
              { value: '', label: t('list.anyKind') },
              ...PROVIDER_KINDS.map((k) => ({ value: k, label: PROVIDER_KIND_LABEL[k] })),
            ]}
            w={180}
          />
          <NativeSelect
            label={t('list.purpose')}
            value={filter.purposeKey}
            onChange={(e) => {
              const purposeKey = e.currentTarget.value;
              onFilterChange({ ...filter, purposeKey, consentState: purposeKey ? filter.consentState : '' });
            }}
            data={purposeOptions}
            w={240}
          />
          <NativeSelect
            label={t('list.consentState')}
            value={filter.consentState}
            disabled={!filter.purposeKey}
            title={filter.purposeKey ? undefined : t('list.choosePurposeFirst')}
            onChange={(e) => onFilterChange({ ...filter, consentState: e.currentTarget.value as ConsentState | '' })}
            data={[
              { value: '', label: t('list.anyState') },
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
              {t('list.clearFilters')}
            </Button>
          )}
        </Group>
        <Text id="provider-search-hint" size="xs" c="dimmed" mt={6}>
          {t('list.searchHint')}
          {!filter.purposeKey && ` ${t('list.consentHint')}`}
        </Text>
      </Card>

      <DataTable
        label={t('list.table')}
        columns={columns(t)}
        rows={providers}
        rowHref={providerHref}
        empty={variablesFilter ? t('list.emptyFiltered') : t('list.empty')}
        query={query}
        pagination={{ paging, pageInfo, total, pageSize: PROVIDERS_PAGE_SIZE }}
        sort={{ value: sort, onChange: setSort }}
        minWidth={640}
      />
    </>
  );
}
