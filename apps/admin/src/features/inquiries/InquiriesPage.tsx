import { Anchor, Badge, Button, Group, NativeSelect } from '@mantine/core';
import type { InquiryFilter, InquiryStatus, InquirySummaryFieldsFragment } from '@steward/schema';
import { Link, useSearchParams } from 'react-router';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { STATUS_COLOR, STATUS_OPTIONS, channelLabel, statusLabel } from './inquiry-labels.js';
import { useInquiries, useInquiryAssignees } from './use-inquiries.js';

export function InquiryStatusBadge({ status }: { status: InquiryStatus }) {
  return (
    <Badge variant="light" size="sm" color={STATUS_COLOR[status]}>
      {statusLabel(status)}
    </Badge>
  );
}

const COLUMNS: DataColumn<InquirySummaryFieldsFragment>[] = [
  {
    id: 'reference',
    header: 'Reference',
    value: (i) => i.reference,
    cell: (i) => (
      <Anchor component={Link} to={`/inquiries/${i.id}`} size="sm">
        {i.reference}
      </Anchor>
    ),
  },
  { id: 'receivedAt', header: 'Received', value: (i) => i.receivedAt, cell: (i) => formatDateTime(i.receivedAt) },
  { id: 'channel', header: 'Channel', value: (i) => channelLabel(i.channel) },
  { id: 'status', header: 'Status', value: (i) => i.status, cell: (i) => <InquiryStatusBadge status={i.status} /> },
  { id: 'assignee', header: 'Assignee', value: (i) => i.assignee?.displayName ?? '—' },
  {
    id: 'provider',
    header: 'Provider',
    value: (i) => i.providerReference,
    cell: (i) =>
      i.providerId ? (
        <Anchor component={Link} to={`/providers/${i.providerId}`} size="sm">
          {i.providerReference}
        </Anchor>
      ) : (
        '—'
      ),
  },
];

/** The inquiries inbox (clause 8): newest first, filtered by status and assignee; no content here. */
export function InquiriesPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') || null) as InquiryStatus | null;
  const assignee = params.get('assignee') || '';
  const filter: InquiryFilter = {
    status,
    ...(assignee === 'none' ? { unassigned: true } : assignee ? { assigneeId: assignee } : {}),
  };
  const paging = useCursorStack(JSON.stringify(filter));
  const { page, ...query } = useInquiries(filter, paging.after);
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
        title="Inquiries"
        description="Inquiries about the handling of personal information (clause 8), from the public form and by post, telephone, fax or e-mail."
        actions={
          <Button component={Link} to="/inquiries/new" size="xs">
            Record an inquiry
          </Button>
        }
      />
      <Group mb="sm" gap="sm">
        <NativeSelect
          aria-label="Status"
          value={status ?? ''}
          onChange={(e) => setParam('status', e.currentTarget.value)}
          data={[{ value: '', label: 'Any status' }, ...STATUS_OPTIONS]}
        />
        <NativeSelect
          aria-label="Assignee"
          value={assignee}
          onChange={(e) => setParam('assignee', e.currentTarget.value)}
          data={[
            { value: '', label: 'Anyone' },
            { value: 'none', label: 'Unassigned' },
            ...assignees.map((a) => ({ value: a.id, label: a.displayName })),
          ]}
        />
      </Group>
      <DataTable
        label="Inquiries"
        columns={COLUMNS}
        rows={page?.edges.map((e) => e.node) ?? []}
        empty="No inquiries match."
        query={{ ...query, loaded: page !== null }}
        loadingLabel="Loading inquiries"
        striped
        highlightOnHover
        pagination={{ paging, pageInfo: page?.pageInfo }}
      />
    </>
  );
}
