import { Anchor, Badge, Button, Text } from '@mantine/core';
import { EXCEPTION_KINDS } from '@steward/policy-core';
import type { ExceptionFieldsFragment, ExceptionStatus } from '@steward/schema';
import { Link } from 'react-router';
import { categoryLabel } from '../../components/categories.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { FilterBar, filterDef, useUrlFilters } from '../../components/FilterBar.js';
import { formatDate } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCanWrite } from '../session/session-context.js';
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

export function validityWindow(e: Pick<ExceptionFieldsFragment, 'validFrom' | 'validUntil'>): string {
  return `${formatDate(e.validFrom)} → ${e.validUntil ? formatDate(e.validUntil) : 'until revoked'}`;
}

export function scopeSummary(scope: ExceptionFieldsFragment['scope']): string {
  const providers = scope.allProviders
    ? 'all providers'
    : `${scope.providerIds.length} provider${scope.providerIds.length === 1 ? '' : 's'}`;
  const categories = scope.categories.length > 0 ? scope.categories.map(categoryLabel).join(', ') : 'no categories';
  const to = scope.recipient ? ` → ${scope.recipient.name}` : ' (internal use)';
  return `${scope.purposeKeys.join(', ') || 'no purposes'} · ${categories} · ${providers}${to}`;
}

const FILTERS = {
  status: filterDef({
    label: 'Status',
    anyLabel: 'Any status',
    options: EXCEPTION_STATUSES,
    labels: EXCEPTION_STATUS_LABEL,
    w: 180,
  }),
  kind: filterDef({
    label: 'Kind',
    anyLabel: 'Any kind',
    options: EXCEPTION_KINDS,
    labels: EXCEPTION_KIND_LABEL,
    w: 280,
  }),
};

const COLUMNS: DataColumn<ExceptionFieldsFragment>[] = [
  {
    id: 'title',
    header: 'Title',
    value: (e) => e.title,
    cell: (e) => (
      <Anchor component={Link} to={`/exceptions/${encodeURIComponent(e.id)}`} fw={500}>
        {e.title}
      </Anchor>
    ),
  },
  { id: 'kind', header: 'Kind', value: (e) => EXCEPTION_KIND_LABEL[e.kind] },
  { id: 'status', header: 'Status', value: (e) => e.status, cell: (e) => <ExceptionStatusBadge status={e.status} /> },
  {
    id: 'valid',
    header: 'Valid',
    value: (e) => e.validFrom,
    cell: (e) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {validityWindow(e)}
      </Text>
    ),
  },
  {
    id: 'covers',
    header: 'Covers',
    value: (e) => scopeSummary(e.scope),
    cell: (e) => <Text size="sm">{scopeSummary(e.scope)}</Text>,
  },
];

export function ExceptionsPage() {
  const { values, setFilter } = useUrlFilters(FILTERS);
  const { exceptions, ...query } = usePermittedExceptions(values);
  const canWrite = useCanWrite();

  return (
    <>
      <PageHeader
        title="Permitted exceptions"
        description="Uses and provisions outside the stated purposes, each under one of the four exceptions of clause 2, with its evidence."
        actions={
          canWrite && (
            <Button component={Link} to="/exceptions/new">
              New exception
            </Button>
          )
        }
      />
      <FilterBar filters={FILTERS} values={values} onChange={setFilter} />
      <DataTable
        label="Permitted exceptions"
        columns={COLUMNS}
        rows={exceptions}
        empty="No exceptions match."
        query={query}
        loadingLabel="Loading exceptions"
        minWidth={800}
      />
    </>
  );
}
