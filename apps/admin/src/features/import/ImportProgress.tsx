import { Alert, Anchor, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatNumber } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { outcomeText, parseResult } from '../jobs/job-view.js';
import { JobProgress } from '../jobs/JobsPage.js';
import { useJob } from '../jobs/use-jobs.js';

const OUTCOMES = ['created', 'skipped', 'invalid', 'failed'] as const;

/** The import job as it runs (the jobs feature's hook refreshes it), then what it did. */
export function ImportProgress({ jobId }: { jobId: string }) {
  const { t } = useTranslation(['import', 'jobs']);
  const { job, error } = useJob(jobId);
  if (error) return <ErrorAlert error={error} />;
  if (!job) return <Loading label={t('import:progress.loading')} />;
  const result = job.status === 'SUCCEEDED' ? parseResult(job.result) : null;
  return (
    <Card withBorder>
      <Stack gap="md">
        <Text fw={600}>{t('import:progress.title')}</Text>
        <JobProgress job={job} />
        {result && (
          <>
            <Alert color="teal" variant="light" title={t('import:progress.done')}>
              {outcomeText(t, job)}
            </Alert>
            <SimpleGrid cols={{ base: 2, sm: 4 }} role="list" aria-label={t('import:progress.result')}>
              {OUTCOMES.map((key) => (
                <Stack key={key} gap={0} role="listitem">
                  <Text size="xs" c="dimmed">
                    {t(`import:progress.outcome.${key}`)}
                  </Text>
                  <Text fz="xl" fw={700} data-testid={`import-result-${key}`}>
                    {formatNumber(Number(result[key] ?? 0))}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
          </>
        )}
        {(job.status === 'FAILED' || job.status === 'CANCELLED') && (
          <Alert color="red" variant="light" title={t('import:progress.failed')} role="alert">
            {outcomeText(t, job) || t(`jobs:errors.other`, { code: job.errorCode ?? job.status })}
          </Alert>
        )}
        <Anchor component={Link} to="/jobs" size="sm">
          {t('import:progress.allJobs')}
        </Anchor>
      </Stack>
    </Card>
  );
}
