import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { EXCEPTION_KINDS } from '@steward/policy-core';
import type { ExceptionFieldsFragment, ExceptionKind, ExceptionStatus } from '@steward/schema';
import { Link, useSearchParams } from 'react-router';
import { categoryLabel } from '../../components/categories.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { FilterSelect } from '../../components/FilterSelect.js';
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

const isStatus = (v: string | null): v is ExceptionStatus => !!v && (EXCEPTION_STATUSES as string[]).includes(v);
const isKind = (v: string | null): v is ExceptionKind => !!v && (EXCEPTION_KINDS as readonly string[]).includes(v);

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
  const [params, setParams] = useSearchParams();
  const status = isStatus(params.get('status')) ? (params.get('status') as ExceptionStatus) : null;
  const kind = isKind(params.get('kind')) ? (params.get('kind') as ExceptionKind) : null;
  const { exceptions, ...query } = usePermittedExceptions({ status, kind });
  const canWrite = useCanWrite();

  function setFilter(name: 'status' | 'kind', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

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
      <Group mb="md" gap="sm" aria-label="Filters" role="group">
        <FilterSelect
          label="Status"
          anyLabel="Any status"
          value={status}
          options={EXCEPTION_STATUSES}
          labels={EXCEPTION_STATUS_LABEL}
          onChange={(v) => setFilter('status', v)}
          w={180}
        />
        <FilterSelect
          label="Kind"
          anyLabel="Any kind"
          value={kind}
          options={EXCEPTION_KINDS}
          labels={EXCEPTION_KIND_LABEL}
          onChange={(v) => setFilter('kind', v)}
          w={280}
        />
      </Group>
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
