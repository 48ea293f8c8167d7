import { Anchor, Badge, Button, Text } from '@mantine/core';
import { EXCEPTION_KINDS } from '@steward/policy-core';
import type { ExceptionFieldsFragment, ExceptionStatus } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { categoryLabel } from '../../components/categories.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { FilterBar, filterDef, useUrlFilters } from '../../components/FilterBar.js';
import { formatDate } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ExportButton } from '../exports/ExportButton.js';
import { useCanWrite } from '../session/session-context.js';
import { usePurposeTitle } from '../vocabulary/use-purpose-title.js';
import {
  EXCEPTION_KIND_LABEL,
  EXCEPTION_STATUSES,
  EXCEPTION_STATUS_COLOR,
  EXCEPTION_STATUS_LABEL,
} from './exception-labels.js';
import { usePermittedExceptions } from './use-exceptions.js';

export function ExceptionStatusBadge({ status }: { status: ExceptionStatus }) {
  return (
    <Badge variant="light" color={EXCEPTION_STATUS_COLOR[status]} size="sm">
      {EXCEPTION_STATUS_LABEL[status]}
    </Badge>
  );
}

/** "1 Apr 2026 → until revoked" (`t` of any namespace: the keys name `exceptions`). */
export function validityWindow(t: TFunction, e: Pick<ExceptionFieldsFragment, 'validFrom' | 'validUntil'>): string {
  return t('exceptions:summary.window', {
    from: formatDate(e.validFrom),
    until: e.validUntil ? formatDate(e.validUntil) : t('exceptions:summary.untilRevoked'),
  });
}

/** "Journal delivery · Name, Postal address · all providers → Swift Courier Co." (purposes by their titles). */
export function scopeSummary(
  t: TFunction,
  scope: ExceptionFieldsFragment['scope'],
  purposeTitle: (key: string) => string,
): string {
  const values = {
    purposes: scope.purposeKeys.map(purposeTitle).join(', ') || t('exceptions:summary.noPurposes'),
    categories:
      scope.categories.length > 0
        ? scope.categories.map(categoryLabel).join(', ')
        : t('exceptions:summary.noCategories'),
    providers: scope.allProviders
      ? t('exceptions:summary.allProviders')
      : t('exceptions:summary.providers', { count: scope.providerIds.length }),
  };
  return scope.recipient
    ? t('exceptions:summary.scope', { ...values, recipient: scope.recipient.name })
    : t('exceptions:summary.scopeInternal', values);
}

const exceptionFilters = (t: TFunction) => ({
  status: filterDef({
    label: t('list.filters.status'),
    anyLabel: t('list.filters.anyStatus'),
    options: EXCEPTION_STATUSES,
    labels: EXCEPTION_STATUS_LABEL,
    w: 180,
  }),
  kind: filterDef({
    label: t('list.filters.kind'),
    anyLabel: t('list.filters.anyKind'),
    options: EXCEPTION_KINDS,
    labels: EXCEPTION_KIND_LABEL,
    w: 280,
  }),
  // `?approval=MINE`: the list behind the home page's "waiting for your approval" (the API applies the rule).
  approval: filterDef({
    label: t('list.filters.approval'),
    anyLabel: t('list.filters.anyApproval'),
    options: APPROVAL_FILTERS,
    labels: { MINE: t('list.filters.awaitingMyApproval') },
    w: 220,
  }),
});

const APPROVAL_FILTERS = ['MINE'] as const;

const exceptionColumns = (
  t: TFunction,
  purposeTitle: (key: string) => string,
): DataColumn<ExceptionFieldsFragment>[] => [
  {
    id: 'title',
    header: t('list.columns.title'),
    value: (e) => e.title,
    cell: (e) => (
      <Anchor component={Link} to={`/exceptions/${encodeURIComponent(e.id)}`} fw={500}>
        {e.title}
      </Anchor>
    ),
  },
  { id: 'kind', header: t('list.columns.kind'), value: (e) => EXCEPTION_KIND_LABEL[e.kind] },
  {
    id: 'status',
    header: t('list.columns.status'),
    value: (e) => e.status,
    cell: (e) => <ExceptionStatusBadge status={e.status} />,
  },
  {
    id: 'valid',
    header: t('list.columns.valid'),
    value: (e) => e.validFrom,
    cell: (e) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {validityWindow(t, e)}
      </Text>
    ),
  },
  {
    id: 'covers',
    header: t('list.columns.covers'),
    value: (e) => scopeSummary(t, e.scope, purposeTitle),
    cell: (e) => <Text size="sm">{scopeSummary(t, e.scope, purposeTitle)}</Text>,
  },
];

export function ExceptionsPage() {
  const { t } = useTranslation('exceptions');
  const filters = useMemo(() => exceptionFilters(t), [t]);
  const purposeTitle = usePurposeTitle();
  const columns = useMemo(() => exceptionColumns(t, purposeTitle), [t, purposeTitle]);
  const { values, setFilter } = useUrlFilters(filters);
  const { exceptions, ...query } = usePermittedExceptions({
    status: values.status,
    kind: values.kind,
    awaitingMyApproval: values.approval === 'MINE',
  });
  const canWrite = useCanWrite();

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportButton
              input={{
                list: 'PERMITTED_EXCEPTIONS',
                // The export takes the list's status and kind (the approval view is a work queue, not an export).
                permittedExceptions: { status: values.status, kind: values.kind },
              }}
            />
            {canWrite && (
              <Button component={Link} to="/exceptions/new">
                {t('list.new')}
              </Button>
            )}
          </>
        }
      />
      <FilterBar filters={filters} values={values} onChange={setFilter} />
      <DataTable
        label={t('list.table')}
        columns={columns}
        rows={exceptions}
        empty={t('list.empty')}
        query={query}
        loadingLabel={t('list.loading')}
        minWidth={800}
      />
    </>
  );
}
