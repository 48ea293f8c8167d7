import { Badge, Card, Table, Text } from '@mantine/core';
import { categoryLabel } from '../../components/categories.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { useProviderRights } from './use-requests.js';

const ACTION_LABEL = { ADD: 'Added', UPDATE: 'Changed', REMOVE: 'Removed' } as const;

/** The provider's amendments (before → after) and what they asked to stop, on the provider page. */
export function AmendmentHistoryCard({ providerId }: { providerId: string }) {
  const { amendments, cessations, loaded } = useProviderRights(providerId);
  if (!loaded || (amendments.length === 0 && cessations.length === 0)) return null;
  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        Amendments and cessations on request
      </Text>
      {amendments.length > 0 && (
        <Table aria-label="Amendment history" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Item</Table.Th>
              <Table.Th>Before → after</Table.Th>
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {amendments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDateTime(a.changedAt)}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" mr={6}>
                    {ACTION_LABEL[a.action]}
                  </Badge>
                  {categoryLabel(a.category)}
                </Table.Td>
                <Table.Td>
                  {a.before ?? '—'} → {a.after ?? '(removed)'}
                </Table.Td>
                <Table.Td>
                  {a.changedBy}
                  {a.requestReference ? ` (${a.requestReference})` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {cessations.length > 0 && (
        <Text size="sm" mt="xs" aria-label="Cessations">
          Stopped:{' '}
          {cessations
            .map(
              (c) =>
                `${c.action === 'USE' ? 'use' : 'provision'}${c.purposeKey ? ` for ${c.purposeKey}` : ''}${c.action === 'PROVIDE' ? ` to ${c.recipientName ?? 'anyone'}` : ''} since ${formatDate(c.since)}`,
            )
            .join('; ')}
        </Text>
      )}
    </Card>
  );
}
