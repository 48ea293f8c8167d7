import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { title: ReactNode; description?: ReactNode; actions?: ReactNode; badges?: ReactNode };

/** The page's title, its one `h1` (sized as an h3: the sidebar and header already frame it). */
export function PageHeader({ title, description, actions, badges }: Props) {
  return (
    <Group
      justify="space-between"
      align="flex-start"
      mb="md"
      wrap="wrap"
      style={{ rowGap: 'var(--mantine-spacing-xs)' }}
    >
      <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Group gap="sm" align="center">
          <Title order={1} fz="h3">
            {title}
          </Title>
          {badges}
        </Group>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
