import { Badge, Group } from '@mantine/core';
import type { DataCategory } from '@steward/schema';
import { categoryLabel } from './categories.js';

export function CategoryBadges({ categories }: { categories: readonly DataCategory[] }) {
  if (categories.length === 0) return <>—</>;
  return (
    <Group gap={4}>
      {categories.map((c) => (
        <Badge key={c} variant="default" size="sm" radius="sm" tt="none" fw={500}>
          {categoryLabel(c)}
        </Badge>
      ))}
    </Group>
  );
}
