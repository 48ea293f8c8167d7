import { Anchor, Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import {
  INCIDENT_DEADLINE_STATES,
  INCIDENT_KINDS,
  INCIDENT_REPORTABILITIES,
  INCIDENT_STATUSES,
} from '@steward/policy-core';
import type { IncidentFilter, IncidentOrder, IncidentSummaryFieldsFragment } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { FilterBar, filterDef, useSetSearchParam, useUrlFilters } from '../../components/FilterBar.js';
import { formatDateTime, formatNumber } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { dayEnd, dayStart } from '../audit/audit-options.js';
import { useCanWrite } from '../session/session-context.js';
import { CountdownBadge, CriteriaBadges, IncidentStatusBadge } from './IncidentBadges.js';
import {
  INCIDENT_DEADLINE_STATE_LABEL,
  INCIDENT_KIND_LABEL,
  INCIDENT_REPORTABILITY_LABEL,
  INCIDENT_STATUS_LABEL,
  nextDeadline,
} from './incident-labels.js';
import { INCIDENTS_PAGE_SIZE, useIncidents } from './use-incidents.js';

/** `?status=NOT_CLOSED` is no stored status: every incident not closed (the API's `open` filter). */
const NOT_CLOSED = 'NOT_CLOSED';
const STATUS_OPTIONS = [NOT_CLOSED, ...INCIDENT_STATUSES] as const;
const ORDERS: readonly IncidentOrder[] = ['AWARE_AT_DESC', 'URGENCY'];

const incidentFilters = (t: TFunction) => ({
  status: filterDef({
    label: t('list.filters.status'),
    anyLabel: t('list.filters.anyStatus'),
    options: STATUS_OPTIONS,
    labels: { ...INCIDENT_STATUS_LABEL, [NOT_CLOSED]: t('list.filters.notClosed') },
    w: 190,
  }),
  kind: filterDef({
    label: t('list.filters.kind'),
    anyLabel: t('list.filters.anyKind'),
    options: INCIDENT_KINDS,
    labels: INCIDENT_KIND_LABEL,
    w: 150,
  }),
  reportability: filterDef({
    label: t('list.filters.reportability'),
    anyLabel: t('list.filters.any'),
    options: INCIDENT_REPORTABILITIES,
    labels: INCIDENT_REPORTABILITY_LABEL,
    w: 170,
  }),
  urgency: filterDef({
    label: t('list.filters.urgency'),
    anyLabel: t('list.filters.any'),
    options: INCIDENT_DEADLINE_STATES,
    labels: INCIDENT_DEADLINE_STATE_LABEL,
    w: 150,
  }),
});

const incidentColumns = (t: TFunction): DataColumn<IncidentSummaryFieldsFragment>[] => [
  {
    id: 'reference',
    header: t('list.columns.reference'),
    value: (i) => i.reference,
    nowrap: true,
    cell: (i) => (
      <Anchor component={Link} to={`/incidents/${encodeURIComponent(i.id)}`} ff="monospace" fw={500} size="sm">
        {i.reference}
      </Anchor>
    ),
  },
  { id: 'title', header: t('list.columns.title'), value: (i) => i.title },
  { id: 'kind', header: t('list.columns.kind'), value: (i) => INCIDENT_KIND_LABEL[i.kind] },
  {
    id: 'status',
    header: t('list.columns.status'),
    value: (i) => i.status,
    cell: (i) => <IncidentStatusBadge status={i.status} />,
  },
  {
    id: 'awareAt',
    header: t('list.columns.awareAt'),
    value: (i) => i.awareAt,
    nowrap: true,
    cell: (i) => formatDateTime(i.awareAt),
  },
  {
    id: 'affected',
    header: t('list.columns.affected'),
    value: (i) => i.affectedCount,
    cell: (i) => formatNumber(i.affectedCount),
  },
  {
    id: 'criteria',
    header: t('list.columns.criteria'),
    value: (i) => i.criteria.join(' '),
    cell: (i) => <CriteriaBadges criteria={i.criteria} />,
  },
  {
    id: 'deadline',
    header: t('list.columns.deadline'),
    value: (i) => nextDeadline(i)?.dueOn ?? null,
    cell: (i) => {
      const next = nextDeadline(i);
      return next ? (
        <CountdownBadge deadline={next} withKind />
      ) : (
        <Text size="sm" c="dimmed">
          {INCIDENT_DEADLINE_STATE_LABEL[i.urgency]}
        </Text>
      );
    },
  },
];

/** The incident register (clause 3): every leak, loss, damage or falsification, with its report deadlines. */
export function IncidentsPage() {
  const { t } = useTranslation('incidents');
  const filters = useMemo(() => incidentFilters(t), [t]);
  const columns = useMemo(() => incidentColumns(t), [t]);
  const { values, setFilter } = useUrlFilters(filters);
  const [params] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const provider = params.get('provider') ?? '';
  const orderParam = params.get('order');
  const orderBy: IncidentOrder = ORDERS.find((o) => o === orderParam) ?? 'AWARE_AT_DESC';
  const filter: IncidentFilter = {
    ...(values.status === NOT_CLOSED ? { open: true } : values.status ? { status: values.status } : {}),
    ...(values.kind ? { kind: values.kind } : {}),
    ...(values.reportability ? { reportability: values.reportability } : {}),
    ...(values.urgency ? { urgency: values.urgency } : {}),
    ...(dayStart(from) ? { awareFrom: dayStart(from) } : {}),
    ...(dayEnd(to) ? { awareTo: dayEnd(to) } : {}),
    ...(provider.trim() ? { providerReference: provider.trim() } : {}),
  };
  const paging = useCursorStack(JSON.stringify([filter, orderBy]));
  const { entries, pageInfo, total, ...query } = useIncidents(filter, orderBy, paging.after);
  const canWrite = useCanWrite();
  // The dates, the provider and the order live in the URL beside the vocabulary filters.
  const setParam = useSetSearchParam();
  const set = (name: 'from' | 'to' | 'provider' | 'order') => (value: string) => setParam(name, value);

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          canWrite && (
            <Button component={Link} to="/incidents/new" size="xs">
              {t('list.record')}
            </Button>
          )
        }
      />
      <FilterBar filters={filters} values={values} onChange={setFilter} />
      <Group mb="md" gap="sm" align="flex-end">
        <TextInput
          type="date"
          label={t('list.filters.awareFrom')}
          value={from}
          onChange={(e) => set('from')(e.currentTarget.value)}
          w={150}
        />
        <TextInput
          type="date"
          label={t('list.filters.awareTo')}
          value={to}
          onChange={(e) => set('to')(e.currentTarget.value)}
          w={150}
        />
        <TextInput
          label={t('list.filters.provider')}
          placeholder={t('list.filters.providerPlaceholder')}
          value={provider}
          onChange={(e) => set('provider')(e.currentTarget.value)}
          w={170}
        />
        <NativeSelect
          label={t('list.order.label')}
          value={orderBy}
          onChange={(e) => set('order')(e.currentTarget.value === 'AWARE_AT_DESC' ? '' : e.currentTarget.value)}
          data={ORDERS.map((o) => ({ value: o, label: t(`list.order.${o}`) }))}
          w={190}
        />
      </Group>
      <DataTable
        label={t('list.table')}
        columns={columns}
        rows={entries}
        empty={t('list.empty')}
        query={query}
        loadingLabel={t('list.loading')}
        rowProps={(i) => (i.urgency === 'OVERDUE' ? { bg: 'red.0', 'data-overdue': 'true' } : {})}
        minWidth={980}
        pagination={{ paging, pageInfo, total, pageSize: INCIDENTS_PAGE_SIZE }}
      />
    </>
  );
}
