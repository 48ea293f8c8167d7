import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A connection's total as the API counts it: exact, or the cap with `capped` ("10,000+"). */
export type ListTotal = { totalCount: number; totalCountCapped: boolean };

type Props = {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  loading?: boolean;
  /** e.g. "providers"; names the navigation landmark. */
  label: string;
  /** The list's total, when the query asked for it: "Page 2 of 7 · 312 in all". */
  total?: ListTotal | null | undefined;
  /** Rows per page (how many pages the total makes). */
  pageSize?: number | undefined;
};

/** Previous / Next over a Relay connection, with "Page N of M" and the total when the connection counts. */
export function CursorPagination({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  loading,
  label,
  total,
  pageSize,
}: Props) {
  const { t } = useTranslation();
  // A capped total gives no last page: "Page N" with "10,000+ in all".
  const pages =
    total && !total.totalCountCapped && pageSize ? Math.max(1, Math.ceil(total.totalCount / pageSize)) : null;
  return (
    <Group component="nav" aria-label={t('pagination.label', { label })} justify="space-between" mt="sm">
      <Group gap="md">
        <Text size="sm" c="dimmed">
          {pages !== null ? t('pagination.pageOf', { page, pages }) : t('pagination.page', { page })}
        </Text>
        {total && (
          <Text size="sm" c="dimmed" data-testid="list-total">
            {total.totalCountCapped
              ? t('pagination.totalCapped', { count: total.totalCount })
              : t('pagination.total', { count: total.totalCount })}
          </Text>
        )}
      </Group>
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
