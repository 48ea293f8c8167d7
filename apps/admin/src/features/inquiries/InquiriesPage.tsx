import { Anchor, Badge, Button, Group, NativeSelect } from '@mantine/core';
import type { InquiryFilter, InquiryStatus, InquirySummaryFieldsFragment } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProviderRefLink } from '../names/ProviderRefLink.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ExportButton } from '../exports/ExportButton.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { STATUS_COLOR, STATUS_OPTIONS, channelLabel, statusLabel } from './inquiry-labels.js';
import { INQUIRIES_PAGE_SIZE, useInquiries, useInquiryAssignees } from './use-inquiries.js';

export function InquiryStatusBadge({ status }: { status: InquiryStatus }) {
  return (
    <Badge variant="light" size="sm" color={STATUS_COLOR[status]}>
      {statusLabel(status)}
    </Badge>
  );
}

const inquiryColumns = (t: TFunction): DataColumn<InquirySummaryFieldsFragment>[] => [
  {
    id: 'reference',
    header: t('list.columns.reference'),
    value: (i) => i.reference,
    cell: (i) => (
      <Anchor component={Link} to={`/inquiries/${i.id}`} size="sm">
        {i.reference}
      </Anchor>
    ),
  },
  {
    id: 'receivedAt',
    header: t('list.columns.receivedAt'),
    value: (i) => i.receivedAt,
    cell: (i) => formatDateTime(i.receivedAt),
  },
  { id: 'channel', header: t('list.columns.channel'), value: (i) => channelLabel(i.channel) },
  {
    id: 'status',
    header: t('list.columns.status'),
    value: (i) => i.status,
    cell: (i) => <InquiryStatusBadge status={i.status} />,
  },
  { id: 'assignee', header: t('list.columns.assignee'), value: (i) => i.assignee?.displayName ?? '—' },
  {
    id: 'provider',
    header: t('list.columns.provider'),
    value: (i) => i.providerReference,
    cell: (i) =>
      i.providerId ? (
        <ProviderRefLink provider={{ id: i.providerId, reference: i.providerReference, displayName: i.providerName }} />
      ) : (
        '—'
      ),
  },
];

const UNANSWERED = 'UNANSWERED';

/** The inquiries inbox (clause 8): newest first, filtered by status and assignee; no content here. */
export function InquiriesPage() {
  const { t } = useTranslation('inquiries');
  const columns = useMemo(() => inquiryColumns(t), [t]);
  const [params, setParams] = useSearchParams();
  // `?status=UNANSWERED` is no stored status: new or in progress (the API's `unanswered` filter).
  const statusParam = params.get('status') || '';
  const unanswered = statusParam === UNANSWERED;
  const status = unanswered ? null : ((statusParam || null) as InquiryStatus | null);
  const assignee = params.get('assignee') || '';
  const filter: InquiryFilter = {
    status,
    ...(unanswered ? { unanswered: true } : {}),
    ...(assignee === 'none' ? { unassigned: true } : assignee ? { assigneeId: assignee } : {}),
  };
  const paging = useCursorStack(JSON.stringify(filter));
  const { page, total, ...query } = useInquiries(filter, paging.after);
  const assignees = useInquiryAssignees();
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <>
            <ExportButton input={{ list: 'INQUIRIES', inquiries: filter }} />
            <Button component={Link} to="/inquiries/new" size="xs">
              {t('list.record')}
            </Button>
          </>
        }
      />
      <Group mb="sm" gap="sm">
        <NativeSelect
          aria-label={t('list.status')}
          value={statusParam}
          onChange={(e) => setParam('status', e.currentTarget.value)}
          data={[
            { value: '', label: t('list.anyStatus') },
            { value: UNANSWERED, label: t('list.unanswered') },
            ...STATUS_OPTIONS,
          ]}
        />
        <NativeSelect
          aria-label={t('list.assignee')}
          value={assignee}
          onChange={(e) => setParam('assignee', e.currentTarget.value)}
          data={[
            { value: '', label: t('list.anyone') },
            { value: 'none', label: t('list.unassigned') },
            ...assignees.map((a) => ({ value: a.id, label: a.displayName })),
          ]}
        />
      </Group>
      <DataTable
        label={t('list.table')}
        columns={columns}
        rows={page?.edges.map((e) => e.node) ?? []}
        empty={t('list.empty')}
        query={{ ...query, loaded: page !== null }}
        loadingLabel={t('list.loading')}
        striped
        highlightOnHover
        pagination={{ paging, pageInfo: page?.pageInfo, total, pageSize: INQUIRIES_PAGE_SIZE }}
      />
    </>
  );
}
