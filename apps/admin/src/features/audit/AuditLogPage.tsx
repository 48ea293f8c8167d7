import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import type { AuditEntryFieldsFragment } from '@steward/schema';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { useAuditLog } from './use-audit-log.js';

type Entry = AuditEntryFieldsFragment;

function columns(providerId: string | null): DataColumn<Entry>[] {
  return [
    { id: 'at', header: 'Time', value: (e) => e.at, cell: (e) => formatDateTime(e.at), nowrap: true },
    { id: 'actor', header: 'Actor', value: (e) => e.actor },
    {
      id: 'action',
      header: 'Action',
      value: (e) => e.action,
      cell: (e) => (
        <Text span ff="monospace" size="xs">
          {e.action}
        </Text>
      ),
    },
    {
      id: 'entity',
      header: 'Entity',
      value: (e) => e.entityType,
      cell: (e) => (
        <>
          <Text size="sm">{e.entityType}</Text>
          {e.entityId && (
            <Text size="xs" c="dimmed" ff="monospace">
              {e.entityId}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'detail',
      header: 'Detail',
      value: (e) => e.detail,
      cell: (e) => (
        <>
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {e.detail ?? ''}
          </Text>
          {e.providerIds.length > 0 && !providerId && (
            <Group gap={4} mt={2}>
              {e.providerIds.map((id) => (
                <Anchor
                  key={id}
                  component={Link}
                  to={`/audit?providerId=${encodeURIComponent(id)}`}
                  size="xs"
                  ff="monospace"
                >
                  {id}
                </Anchor>
              ))}
            </Group>
          )}
        </>
      ),
    },
  ];
}

export function AuditLogPage({ providerId }: { providerId: string | null }) {
  const paging = useCursorStack(providerId ?? '');
  const { entries, pageInfo, ...query } = useAuditLog(providerId, paging.after);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every admin read of personal data and every change, newest first."
        actions={
          <Button variant="default" size="xs" onClick={query.refetch}>
            Refresh
          </Button>
        }
      />
      {providerId && (
        <Group gap="xs" mb="sm">
          <Badge variant="light" size="lg" tt="none">
            Provider {providerId}
          </Badge>
          <Anchor component={Link} to={`/providers/${encodeURIComponent(providerId)}`} size="sm">
            Open provider
          </Anchor>
          <Anchor component={Link} to="/audit" size="sm">
            Show all entries
          </Anchor>
        </Group>
      )}
      <DataTable
        label="Audit log"
        columns={columns(providerId)}
        rows={entries}
        empty="No audit entries."
        query={query}
        pagination={{ paging, pageInfo }}
        minWidth={760}
        verticalSpacing={6}
      />
    </>
  );
}
