import { Anchor, Badge, Button, Card, Group, LoadingOverlay, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CursorPagination } from '../../components/CursorPagination.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { useAuditLog } from './use-audit-log.js';
import { EmptyTableRow } from '../../components/EmptyTableRow.js';

export function AuditLogPage({ providerId }: { providerId: string | null }) {
  const paging = useCursorStack(providerId ?? '');
  const { entries, pageInfo, fetching, error, refetch } = useAuditLog(providerId, paging.after);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every admin read of personal data and every change, newest first."
        actions={
          <Button variant="default" size="xs" onClick={refetch}>
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
      <ErrorAlert error={error} onRetry={refetch} />
      <Card withBorder radius="md" padding={0} pos="relative">
        <LoadingOverlay visible={fetching && entries.length === 0} loaderProps={{ size: 'sm' }} />
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Audit log" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Entity</Table.Th>
                <Table.Th>Detail</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.actor}</Table.Td>
                  <Table.Td>
                    <Text span ff="monospace" size="xs">
                      {entry.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.entityType}</Text>
                    {entry.entityId && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {entry.entityId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: 'break-word' }}>
                      {entry.detail ?? ''}
                    </Text>
                    {entry.providerIds.length > 0 && !providerId && (
                      <Group gap={4} mt={2}>
                        {entry.providerIds.map((id) => (
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
                  </Table.Td>
                </Table.Tr>
              ))}
              {!fetching && !error && entries.length === 0 && (
                <EmptyTableRow colSpan={5}>No audit entries.</EmptyTableRow>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <CursorPagination
        label="Audit log"
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
