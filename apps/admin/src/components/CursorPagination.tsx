import { Button, Group, Text } from '@mantine/core';

type Props = {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  loading?: boolean;
  /** e.g. "providers"; names the navigation landmark. */
  label: string;
};

/** Previous / Next over a Relay connection; no page count (we never count rows per page). */
export function CursorPagination({ page, hasPrevious, hasNext, onPrevious, onNext, loading, label }: Props) {
  return (
    <Group component="nav" aria-label={`${label} pages`} justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        Page {page}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={onPrevious} disabled={!hasPrevious || loading}>
          Previous
        </Button>
        <Button variant="default" size="xs" onClick={onNext} disabled={!hasNext || loading}>
          Next
        </Button>
      </Group>
    </Group>
  );
}
