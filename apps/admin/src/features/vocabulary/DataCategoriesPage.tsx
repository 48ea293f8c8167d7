import { Badge, Card, Table, Text, type MantineColor } from '@mantine/core';
import type { Sensitivity } from '@steward/schema';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { SENSITIVITY_LABEL } from '../../components/labels.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useDataCategories } from './use-data-categories.js';

const SENSITIVITY_COLOR: Record<Sensitivity, MantineColor> = { LOW: 'gray', MEDIUM: 'yellow', HIGH: 'red' };

export function DataCategoriesPage() {
  const { categories, fetching, error, refetch } = useDataCategories();
  return (
    <>
      <PageHeader
        title="Data categories"
        description="The kinds of personal information Steward keeps, and how sensitive each is."
      />
      <ErrorAlert error={error} onRetry={refetch} />
      {fetching && categories.length === 0 ? (
        <Loading label="Loading data categories" />
      ) : (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Data categories" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Category</Table.Th>
                  <Table.Th>日本語</Table.Th>
                  <Table.Th>Sensitivity</Table.Th>
                  <Table.Th>Description</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {categories.map((c) => (
                  <Table.Tr key={c.key}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {c.labelEn}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {c.key}
                      </Text>
                    </Table.Td>
                    <Table.Td lang="ja">{c.labelJa}</Table.Td>
                    <Table.Td>
                      <Badge color={SENSITIVITY_COLOR[c.sensitivity]} variant="light" size="sm">
                        {SENSITIVITY_LABEL[c.sensitivity]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.description}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}
