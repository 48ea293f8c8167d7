import { Badge, Group, Switch, Text } from '@mantine/core';
import type { PurposeFieldsFragment } from '@steward/schema';
import { useState } from 'react';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { usePurposes } from './use-purposes.js';

const COLUMNS: DataColumn<PurposeFieldsFragment>[] = [
  {
    id: 'key',
    header: 'Key',
    value: (p) => p.key,
    cell: (p) => (
      <Text ff="monospace" size="sm">
        {p.key}
      </Text>
    ),
  },
  {
    id: 'title',
    header: 'Title',
    value: (p) => p.titleEn,
    cell: (p) => (
      <>
        <Text size="sm" fw={500}>
          {p.titleEn}
        </Text>
        <Text size="xs" c="dimmed" lang="ja">
          {p.titleJa}
        </Text>
      </>
    ),
  },
  {
    id: 'description',
    header: 'Description',
    value: (p) => p.description,
    cell: (p) => (
      <Text size="sm" maw={360}>
        {p.description}
      </Text>
    ),
  },
  {
    id: 'categories',
    header: 'Categories needed',
    value: (p) => p.categories.join(', '),
    cell: (p) => <CategoryBadges categories={p.categories} />,
  },
  {
    id: 'since',
    header: 'Since',
    value: (p) => p.introducedInVersion,
    cell: (p) => <Text size="sm">Policy v{p.introducedInVersion}</Text>,
  },
  {
    id: 'status',
    header: 'Status',
    value: (p) => (p.retired ? 'Retired' : 'Active'),
    cell: (p) =>
      p.retired ? (
        <Badge color="gray" variant="outline" size="sm">
          Retired
        </Badge>
      ) : (
        <Badge color="teal" variant="light" size="sm">
          Active
        </Badge>
      ),
  },
];

export function PurposesPage() {
  const [includeRetired, setIncludeRetired] = useState(false);
  const { purposes, ...query } = usePurposes(includeRetired);

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
      <DataTable
        label="Purposes"
        columns={COLUMNS}
        rows={purposes}
        rowProps={(p) => (p.retired ? { c: 'dimmed' } : {})}
        empty="No purposes are defined."
        query={query}
        loadingLabel="Loading purposes"
        minWidth={800}
        verticalSpacing="sm"
      />
      <Group mt="xs">
        <Text size="xs" c="dimmed">
          Purposes are part of the policy: they change only with a new policy version.
        </Text>
      </Group>
    </>
  );
}
