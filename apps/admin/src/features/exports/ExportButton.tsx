import { Anchor, Button, Group, Loader, Text } from '@mantine/core';
import type { StartExportInput } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { outcomeText, progressText } from '../jobs/job-view.js';
import { useCanWrite } from '../session/session-context.js';
import { useExport } from './use-export.js';

type Props = {
  /** The list and the filters its page shows now. */
  input: StartExportInput;
};

/**
 * "Export CSV" for a list page: starts the export with the page's filters, shows its progress and
 * offers the file once it is ready (a plain link: the browser downloads it with the session
 * cookie). Owners and privacy officers only, as the API allows.
 */
export function ExportButton({ input }: Props) {
  const { t } = useTranslation('exports');
  const writable = useCanWrite();
  const { job, active, starting, error, downloadHref, start } = useExport(input);
  if (!writable) return null;
  const failed = job && !active && !downloadHref;
  return (
    <Group gap="xs" wrap="nowrap" aria-live="polite">
      {downloadHref ? (
        <Button component="a" href={downloadHref} download variant="light">
          {t('download')}
        </Button>
      ) : (
        <Button variant="default" onClick={() => void start()} loading={starting || active}>
          {t('start')}
        </Button>
      )}
      {job && active && (
        <Group gap={6} wrap="nowrap">
          <Loader size="xs" aria-hidden />
          <Text size="sm">{t('running', { progress: progressText(t, job.progress) })}</Text>
        </Group>
      )}
      {downloadHref && job && (
        <Text size="sm">
          {t('ready', { outcome: outcomeText(t, job) })}{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => void start()}>
            {t('again')}
          </Anchor>
        </Text>
      )}
      {failed && (
        <Text size="sm" c="red.8" role="alert">
          {t('failed', { reason: outcomeText(t, job) })}
        </Text>
      )}
      <ErrorAlert error={error} />
    </Group>
  );
}
