import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown after a CONFLICT (optimistic lock): someone saved the same record first. */
export function ConflictAlert({
  onReload,
  what,
}: {
  onReload: () => void;
  /** What was changed, in the reader's language (default: "this provider"). */
  what?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('conflict.title')} role="alert">
      <Text size="sm" mb="xs">
        {t('conflict.message', { what: what ?? t('conflict.thisProvider') })}
      </Text>
      <Button size="xs" variant="default" onClick={onReload}>
        {t('actions.reload')}
      </Button>
    </Alert>
  );
}
