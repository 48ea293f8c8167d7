import { Badge, Card, Group, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { usePurposes } from './use-purposes.js';

export function PurposesPage() {
  const [includeRetired, setIncludeRetired] = useState(false);
  const { purposes, fetching, error, refetch } = usePurposes(includeRetired);

  return (
    <>
      <PageHeader
        title="Purposes of use"
        description="What the society may use personal information for (policy clause 2), and the categories each purpose needs."
        actions={
          <Switch
            label="Show retired purposes"
            checked={includeRetired}
            onChange={(e) => setIncludeRetired(e.currentTarget.checked)}
          />
        }
      />
      <ErrorAlert error={error} onRetry={refetch} />
      {fetching && purposes.length === 0 ? (
        <Loading label="Loading purposes" />
      ) : (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label="Purposes" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Description</Table.Th>
                  <Table.Th>Categories needed</Table.Th>
                  <Table.Th>Since</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {purposes.map((p) => (
                  <Table.Tr key={p.id} c={p.retired ? 'dimmed' : undefined}>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {p.key}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {p.titleEn}
                      </Text>
                      <Text size="xs" c="dimmed" lang="ja">
                        {p.titleJa}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={360}>
                      <Text size="sm">{p.description}</Text>
                    </Table.Td>
                    <Table.Td>
                      <CategoryBadges categories={p.categories} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">Policy v{p.introducedInVersion}</Text>
                    </Table.Td>
                    <Table.Td>
                      {p.retired ? (
                        <Badge color="gray" variant="outline" size="sm">
                          Retired
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light" size="sm">
                          Active
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
                {!fetching && !error && purposes.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text size="sm" c="dimmed" ta="center" py="md">
                        No purposes are defined.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Group mt="xs">
        <Text size="xs" c="dimmed">
          Purposes are part of the policy: they change only with a new policy version.
        </Text>
      </Group>
    </>
  );
}
