import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  return (
    <Group component="nav" aria-label={t('pagination.label', { label })} justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        {t('pagination.page', { page })}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={onPrevious} disabled={!hasPrevious || loading}>
          {t('actions.previous')}
        </Button>
        <Button variant="default" size="xs" onClick={onNext} disabled={!hasNext || loading}>
          {t('actions.next')}
        </Button>
      </Group>
    </Group>
  );
}
