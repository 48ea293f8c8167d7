import { Alert, Progress, Stack, Text } from '@mantine/core';
import type { JobFieldsFragment, LedgerStatusQuery } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.js';
import { outcomeText, progressPercent, progressText } from '../jobs/job-view.js';

export type LastVerificationResult = NonNullable<LedgerStatusQuery['ledgerStatus']['lastVerification']>;

/** The verification job under way: how many entries it has checked of the head it walks to. */
export function VerificationProgress({ job }: { job: JobFieldsFragment }) {
  const { t } = useTranslation('ledger');
  const percent = progressPercent(job.progress);
  const words = job.status === 'QUEUED' ? t('running.queued') : progressText(t, job.progress);
  return (
    <Stack gap={4} role="status" aria-label={t('running.title')}>
      <Text fw={600}>{t('running.title')}</Text>
      <Progress value={percent ?? 0} animated={job.status === 'RUNNING'} aria-label={t('running.title')} />
      <Text size="sm">{words}</Text>
    </Stack>
  );
}

/** What the last finished verification found, with its time and who started it. */
export function LastVerificationAlert({ last }: { last: LastVerificationResult | null }) {
  const { t } = useTranslation('ledger');
  if (!last) {
    return (
      <Alert color="gray" variant="light" title={t('last.none.title')} role="status">
        {t('last.none.body')}
      </Alert>
    );
  }
  const when = t('last.when', {
    finishedAt: formatDateTime(last.finishedAt),
    by: last.startedBy ?? t('last.scheduled'),
  });
  if (last.ok === true) {
    return (
      <Alert color="teal" variant="light" title={t('last.ok.title')} role="status">
        {t('last.ok.body', { count: last.checkedEntries ?? 0, head: last.headSequence ?? 0 })} {when}
      </Alert>
    );
  }
  if (last.ok === false) {
    return (
      <Alert color="red" variant="light" title={t('last.failed.title')} role="alert">
        {t('fails.firstEntry')} <strong>{last.firstFailureSequence}</strong>. {when}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" title={t('last.error.title')} role="alert">
      {outcomeText(t, { kind: 'LEDGER_VERIFICATION', status: 'FAILED', result: null, errorCode: last.errorCode })}{' '}
      {when}
    </Alert>
  );
}
