import { Badge, Text, type MantineColor } from '@mantine/core';
import type { DataCategoryFieldsFragment, Sensitivity } from '@steward/schema';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { SENSITIVITY_LABEL } from '../../components/labels.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useDataCategories } from './use-data-categories.js';

const SENSITIVITY_COLOR: Record<Sensitivity, MantineColor> = { LOW: 'gray', MEDIUM: 'yellow', HIGH: 'red' };

const COLUMNS: DataColumn<DataCategoryFieldsFragment>[] = [
  {
    id: 'category',
    header: 'Category',
    value: (c) => c.labelEn,
    cell: (c) => (
      <>
        <Text size="sm" fw={500}>
          {c.labelEn}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {c.key}
        </Text>
      </>
    ),
  },
  { id: 'labelJa', header: '日本語', value: (c) => c.labelJa, cell: (c) => <span lang="ja">{c.labelJa}</span> },
  {
    id: 'sensitivity',
    header: 'Sensitivity',
    value: (c) => SENSITIVITY_LABEL[c.sensitivity],
    cell: (c) => (
      <Badge color={SENSITIVITY_COLOR[c.sensitivity]} variant="light" size="sm">
        {SENSITIVITY_LABEL[c.sensitivity]}
      </Badge>
    ),
  },
  {
    id: 'description',
    header: 'Description',
    value: (c) => c.description,
    cell: (c) => <Text size="sm">{c.description}</Text>,
  },
];

export function DataCategoriesPage() {
  const { categories, ...query } = useDataCategories();
  return (
    <>
      <PageHeader
        title="Data categories"
        description="The kinds of personal information Steward keeps, and how sensitive each is."
      />
      <DataTable
        label="Data categories"
        columns={COLUMNS}
        rows={categories}
        rowKey={(c) => c.key}
        empty="No data categories."
        query={query}
        loadingLabel="Loading data categories"
        minWidth={640}
        verticalSpacing="sm"
      />
    </>
  );
}
