import { Anchor, Badge, Button, Card, Group, NativeSelect, Table } from '@mantine/core';
import type { InquiryFilter, InquiryStatus } from '@steward/schema';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyTableRow } from '../../components/EmptyTableRow.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { STATUS_COLOR, STATUS_OPTIONS, channelLabel, statusLabel } from './inquiry-labels.js';
import { useInquiries, useInquiryAssignees } from './use-inquiries.js';

export function InquiryStatusBadge({ status }: { status: InquiryStatus }) {
  return (
    <Badge variant="light" size="sm" color={STATUS_COLOR[status]}>
      {statusLabel(status)}
    </Badge>
  );
}

/** The inquiries inbox (clause 8): newest first, filtered by status and assignee; no content here. */
export function InquiriesPage() {
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') || null) as InquiryStatus | null;
  const assignee = params.get('assignee') || '';
  const filter: InquiryFilter = {
    status,
    ...(assignee === 'none' ? { unassigned: true } : assignee ? { assigneeId: assignee } : {}),
  };
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { page, fetching, error, refetch } = useInquiries(filter, cursors[cursors.length - 1] ?? null);
  const assignees = useInquiryAssignees();
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setCursors([null]);
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
      <ErrorAlert error={error} onRetry={refetch} />
      {!page && fetching ? (
        <Loading label="Loading inquiries" />
      ) : (
        <Card withBorder padding={0}>
          <Table striped highlightOnHover aria-label="Inquiries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Reference</Table.Th>
                <Table.Th>Received</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Assignee</Table.Th>
                <Table.Th>Provider</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page?.edges.length === 0 && <EmptyTableRow colSpan={6}>No inquiries match.</EmptyTableRow>}
              {page?.edges.map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/inquiries/${node.id}`} size="sm">
                      {node.reference}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDateTime(node.receivedAt)}</Table.Td>
                  <Table.Td>{channelLabel(node.channel)}</Table.Td>
                  <Table.Td>
                    <InquiryStatusBadge status={node.status} />
                  </Table.Td>
                  <Table.Td>{node.assignee?.displayName ?? '—'}</Table.Td>
                  <Table.Td>
                    {node.providerId ? (
                      <Anchor component={Link} to={`/providers/${node.providerId}`} size="sm">
                        {node.providerReference}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Group gap="xs" mt="sm">
        <Button
          size="xs"
          variant="default"
          disabled={cursors.length < 2}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Previous
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={!page?.pageInfo.hasNextPage}
          onClick={() => setCursors((c) => [...c, page?.pageInfo.endCursor ?? null])}
        >
          Next
        </Button>
      </Group>
    </>
  );
}
